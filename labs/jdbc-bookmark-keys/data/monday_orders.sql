-- Monday's orders, as the shop's web app writes them (order_id is a random UUID).
INSERT INTO orders (order_id, order_no, customer, amount, status, updated_at) VALUES
  ('91be4d02-6c3f-4a8e-b1d7-2f0c9e54a613', 1007, 'Ines Duarte',   64.00, 'paid', '2024-05-06 09:14:22'),
  ('f2a7c913-08de-4b55-9c61-7e3b0a2d84fe', 1008, 'Tom Becker',    18.50, 'paid', '2024-05-06 11:02:40'),
  ('38d05e7b-b2a4-49c0-8f13-c6e9d1a70b25', 1009, 'Aiko Tanaka',  129.90, 'paid', '2024-05-06 15:47:05'),
  ('c7e5a08f-91b3-4d26-a4ef-5b8c2d61f930', 1010, 'Omar Haddad',   42.00, 'paid', '2024-05-06 21:30:18');
