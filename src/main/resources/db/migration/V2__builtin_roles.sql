-- Built-in roles: common permissions of a point-of-sale back office, and Clavis's own administration role.
-- Role names are OAuth scope values: what an application asks for in the scope parameter.

INSERT INTO role (name, description, built_in) VALUES
    ('clavis-admin',         'Administer Clavis: applications, secrets, roles and keys', true),
    ('pos.sales.read',       'Read sales, receipts and transactions', true),
    ('pos.sales.write',      'Record sales, refunds and voids', true),
    ('pos.catalog.read',     'Read products, prices and categories', true),
    ('pos.catalog.write',    'Create and change products, prices and categories', true),
    ('pos.inventory.read',   'Read stock levels and movements', true),
    ('pos.inventory.write',  'Adjust stock, receive goods and record transfers', true),
    ('pos.customers.read',   'Read customer accounts and loyalty balances', true),
    ('pos.customers.write',  'Create and change customer accounts', true),
    ('pos.reports.read',     'Run and download reports', true),
    ('pos.stores.read',      'Read stores, registers and opening hours', true);
