"""The page's charts, one module each; each draws figures the results carry, with its data as a
table beneath it."""
