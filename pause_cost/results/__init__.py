"""The results of an analysis: the models whose JSON is the published contract."""
