-- Wednesday: order 1012 is shipped and a new order comes in.
UPDATE orders SET status = 'shipped', updated_at = '2024-05-08 10:12:09' WHERE order_no = 1012;
INSERT INTO orders (order_id, order_no, customer, amount, status, updated_at) VALUES
  ('27f0b6c3-a9d4-4e81-b5c2-6e3f8a1d0c97', 1014, 'Sven Olsen',    56.80, 'paid', '2024-05-08 11:47:30');
