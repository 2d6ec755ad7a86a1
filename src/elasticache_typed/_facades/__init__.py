"""The handwritten halves of the facades; the generated halves add a method per operation."""
