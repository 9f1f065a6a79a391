"""claim-pipeline: turn news and wire-service articles into structured, checkable claims."""

__version__ = "0.1.0"
