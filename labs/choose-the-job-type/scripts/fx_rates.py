# fx-rates: every morning, the 12 exchange rates finance needs, from the treasury's feed
# (a stand-in list here), checked and printed for the rates file. A few kilobytes of plain
# Python: no Spark anywhere.
RATES = {
    "EUR": 1.0, "USD": 1.0842, "GBP": 0.8571, "CHF": 0.9781, "SEK": 11.592, "NOK": 11.701,
    "DKK": 7.4608, "PLN": 4.3210, "CZK": 25.047, "JPY": 169.41, "CAD": 1.4803, "AUD": 1.6311,
}

checked = 0
bad = 0
for currency in sorted(RATES):
    rate = RATES[currency]
    if rate <= 0:
        bad += 1
    checked += 1
    print(currency, rate)
print("rates checked:", checked, "bad:", bad)
