# The database is reached through its connection pooler.
db_port = 6432
