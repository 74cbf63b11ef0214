-- Tuesday afternoon: customer service refunds order 1003, the warehouse ships 1010.
UPDATE orders SET status = 'refunded', updated_at = '2024-05-07 16:40:12' WHERE order_no = 1003;
UPDATE orders SET status = 'shipped',  updated_at = '2024-05-07 17:05:48' WHERE order_no = 1010;
