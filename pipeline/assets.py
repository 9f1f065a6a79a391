"""Where the project's own data lives: ``models/`` beside the package (lexicons, the model)."""

from pathlib import Path

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
