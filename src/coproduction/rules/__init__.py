"""The rules: pure functions over the model (scoring, comparing, progress, planning, placement, wording)."""

__all__: list[str] = []
