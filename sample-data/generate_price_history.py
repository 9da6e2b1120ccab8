"""Regenerates price-history/*.csv: a seeded random walk of one trading day of minute bars per instrument.

Run: python3 sample-data/generate_price_history.py  (output is deterministic for the fixed seed)."""
import csv, os, random

HERE = os.path.dirname(os.path.abspath(__file__))
random.seed(20261125)
with open(os.path.join(HERE, "instruments.csv")) as f:
    instruments = list(csv.DictReader(f))
for ins in instruments:
    tick = int(ins["tick_size"])
    price = int(ins["reference_price"])
    band = price * int(ins["band_bps"]) // 10000 // 2
    low_limit, high_limit = price - band, price + band
    rows = []
    for minute in range(510):  # 09:00 to 17:30
        open_ = price
        high = low = price
        for _ in range(6):
            price += random.choice((-1, 1)) * tick * random.randint(0, 3)
            price = max(low_limit, min(high_limit, price))
            high, low = max(high, price), min(low, price)
        rows.append((minute, open_, high, low, price, random.randint(50, 2000)))
    with open(os.path.join(HERE, "price-history", ins["symbol"] + ".csv"), "w", newline="") as out:
        w = csv.writer(out)
        w.writerow(("minute", "open", "high", "low", "close", "volume"))
        w.writerows(rows)
