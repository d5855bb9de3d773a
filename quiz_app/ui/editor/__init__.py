"""The bank editor (Buat/ubah bank soal) and the bank preview opened from the bank list."""
