"""The contract: JSON in and out (strict parse, the one converter, schemas, migrations, cross-checks, kinds)."""

__all__: list[str] = []
