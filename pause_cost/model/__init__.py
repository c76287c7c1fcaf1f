"""The typed inputs: scenarios, unit-cost tables and price indices, as pydantic models.

They import nothing of ours but the shared types in :mod:`pause_cost.model.base`.
"""
