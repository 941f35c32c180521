"""Graph files to the model and back, and the compiled store of checked graphs."""
