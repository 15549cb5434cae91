import OverlapCLI
