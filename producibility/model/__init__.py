"""The domain model: questionnaire, request, equipment, rule packs and the catalogue."""
