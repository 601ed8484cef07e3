-- Version 4: administrators who sign in to the admin pages. Only a salted PBKDF2 hash of each password is stored.

CREATE TABLE admin_user (
    username      varchar(64)  PRIMARY KEY CHECK (username ~ '^[a-z0-9._@-]{1,64}$'),
    password_hash varchar(200) NOT NULL CHECK (password_hash LIKE 'pbkdf2-sha256$%'),
    created_at    timestamptz  NOT NULL,
    updated_at    timestamptz  NOT NULL
);
