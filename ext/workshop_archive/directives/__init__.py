"""The directives of an edition page and of the cross-edition index pages."""
