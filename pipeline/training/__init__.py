"""Training and evaluation of the check-worthiness model, for ``scripts/`` and ``make train`` only.

No runtime module imports this package. Modules: ``checkworthiness`` (the seeded split, fitting,
cross-validation and metrics), ``claim_eval`` (claim-level figures on ClaimBuster and QuanTemp)
and ``parse`` (sentences parsed one by one with the lean parse).
"""
