-- Tuesday's orders.
INSERT INTO orders (order_id, order_no, customer, amount, status, updated_at) VALUES
  ('0c4f7e2a-5d91-4b3e-8a60-e17b9f2c4d58', 1011, 'Lena Vogel',    73.25, 'paid', '2024-05-07 08:21:44'),
  ('d58b3a16-7f0e-4c29-b4d3-90a6e1c7f245', 1012, 'Marco Rossi',   15.00, 'paid', '2024-05-07 13:09:31'),
  ('6a2e91d7-c4b8-4f03-9e15-3d7a0b8c62e1', 1013, 'Priya Nair',   210.40, 'paid', '2024-05-07 19:55:02');
