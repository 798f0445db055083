"""datasette-diplo: Datasette pages for claims, speakers, articles and reuse."""
