<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="id_ID">
<context>
    <name>AnswersModel</name>
    <message>
        <source>No</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Soal</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Jawaban</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>Kunci</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Hasil</source>
        <translation>Results</translation>
    </message>
    <message>
        <source>Poin</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Detik</source>
        <translation>Seconds</translation>
    </message>
    <message>
        <source>Survei</source>
        <translation>Survey</translation>
    </message>
    <message>
        <source>Dilewati</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>Tidak ditayangkan</source>
        <translation>Not shown</translation>
    </message>
    <message>
        <source>Tidak dijawab</source>
        <translation>Not answered</translation>
    </message>
    <message>
        <source>Benar</source>
        <translation>Right</translation>
    </message>
    <message>
        <source>Salah</source>
        <translation>Wrong</translation>
    </message>
    <message>
        <source>Sebagian benar</source>
        <translation>Partly correct</translation>
    </message>
    <message>
        <source>Pembahasan: {0}</source>
        <translation>Explanation: {0}</translation>
    </message>
</context>
<context>
    <name>AudienceView</name>
    <message>
        <source>(dari {0} soal yang ditayangkan; {1} soal dilewati)</source>
        <translation>(over {0} questions shown; {1} skipped)</translation>
    </message>
    <message>
        <source>(dari {0} soal yang ditayangkan)</source>
        <translation>(over {0} questions shown)</translation>
    </message>
    <message>
        <source>Rata-rata nilai sesi: {0} {1}</source>
        <translation>Session average score: {0} {1}</translation>
    </message>
    <message>
        <source>{0} dan {1} tim lain</source>
        <translation>{0} and {1} other teams</translation>
    </message>
    <message>
        <source>{0} tim seperingkat</source>
        <translation>{0} teams tied</translation>
    </message>
    <message>
        <source>Kuis ASN — layar peserta</source>
        <translation>Kuis ASN — audience screen</translation>
    </message>
    <message>
        <source>JEDA</source>
        <translation>PAUSED</translation>
    </message>
    <message>
        <source>Waktu
habis!</source>
        <translation>Time
up!</translation>
    </message>
    <message>
        <source>Soal {0} dari {1}</source>
        <translation>Question {0} of {1}</translation>
    </message>
    <message>
        <source>Bersiap — siapkan kartu A–{0}</source>
        <translation>Get ready — have cards A–{0} at hand</translation>
    </message>
    <message>
        <source>Bersiap…</source>
        <translation>Get ready…</translation>
    </message>
    <message>
        <source>(Jawaban benar bisa lebih dari satu.)</source>
        <translation>(There may be more than one right answer.)</translation>
    </message>
    <message>
        <source>Peringkat sementara</source>
        <translation>Current ranking</translation>
    </message>
    <message>
        <source>setelah soal {0} dari {1}</source>
        <translation>after question {0} of {1}</translation>
    </message>
    <message>
        <source>{0} dari {1} peserta menjawab</source>
        <translation>{0} of {1} participants answered</translation>
    </message>
    <message>
        <source>{0} dari {1} tim menjawab</source>
        <translation>{0} of {1} teams answered</translation>
    </message>
    <message>
        <source>Waktu habis!</source>
        <translation>Time is up!</translation>
    </message>
    <message>
        <source>Jeda</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>Jawaban benar: {0}</source>
        <translation>Right answer: {0}</translation>
    </message>
    <message>
        <source>Jajak pendapat — tidak ada jawaban benar</source>
        <translation>Poll — there is no right answer</translation>
    </message>
    <message>
        <source>Dasar hukum: {0}</source>
        <translation>Legal basis: {0}</translation>
    </message>
    <message>
        <source>Peringkat akhir</source>
        <translation>Final ranking</translation>
    </message>
    <message>
        <source>{0} · {1} tim, 10 teratas</source>
        <translation>{0} · {1} teams, top 10</translation>
    </message>
    <message>
        <source>{0} · {1} tim</source>
        <translation>{0} · {1} teams</translation>
    </message>
    <message>
        <source>Sesi selesai</source>
        <translation>Session finished</translation>
    </message>
    <message>
        <source>{0} soal telah dibahas. Terima kasih!</source>
        <translation>{0} questions discussed. Thank you!</translation>
    </message>
</context>
<context>
    <name>BankListModel</name>
    <message>
        <source>Judul</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Soal</source>
        <translation>Questions</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Categories</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Rencana</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Bank soal</source>
        <translation>Question bank</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>{0} masalah</source>
        <translation>{0} problems</translation>
    </message>
</context>
<context>
    <name>BankPreviewDialog</name>
    <message>
        <source>Pratinjau: {0}</source>
        <translation>Preview: {0}</translation>
    </message>
    <message>
        <source>Memuat {0}…</source>
        <translation>Loading {0}…</translation>
    </message>
    <message>
        <source>Isi bank soal</source>
        <translation>Question bank contents</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>{0}: {1} soal dari {2} bank</source>
        <translation>{0}: {1} questions from {2} bank(s)</translation>
    </message>
    <message>
        <source>{0}: {1} masalah — perbaiki dulu sebelum dipakai</source>
        <translation>{0}: {1} problem(s) — fix them before use</translation>
    </message>
    <message>
        <source>pilihan tunggal</source>
        <translation>single choice</translation>
    </message>
    <message>
        <source>pilihan ganda kompleks</source>
        <translation>multiple answers</translation>
    </message>
    <message>
        <source>benar/salah</source>
        <translation>true/false</translation>
    </message>
    <message>
        <source>jajak pendapat</source>
        <translation>poll</translation>
    </message>
    <message>
        <source>Benar</source>
        <translation>True</translation>
    </message>
    <message>
        <source>Salah</source>
        <translation>False</translation>
    </message>
    <message>
        <source>Jajak pendapat: tanpa kunci jawaban.</source>
        <translation>Poll: no answer key.</translation>
    </message>
    <message>
        <source>Kunci:</source>
        <translation>Key:</translation>
    </message>
    <message>
        <source>Penjelasan:</source>
        <translation>Explanation:</translation>
    </message>
    <message>
        <source>Rujukan:</source>
        <translation>Reference:</translation>
    </message>
</context>
<context>
    <name>DeskModel</name>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>NIP</source>
        <translation>NIP</translation>
    </message>
    <message>
        <source>Hadir</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>Ikrar</source>
        <translation>Pledge</translation>
    </message>
    <message>
        <source>Tes</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Keluar halaman</source>
        <translation>Left page</translation>
    </message>
    <message>
        <source>Nilai</source>
        <translation>Score</translation>
    </message>
    <message>
        <source> (terputus)</source>
        <translation> (disconnected)</translation>
    </message>
    <message>
        <source>tamu</source>
        <translation>guest</translation>
    </message>
    <message>
        <source>belum mulai</source>
        <translation>not started</translation>
    </message>
    <message>
        <source>soal {0} dari {1}</source>
        <translation>question {0} of {1}</translation>
    </message>
    <message>
        <source>selesai</source>
        <translation>finished</translation>
    </message>
</context>
<context>
    <name>DeskWindow</name>
    <message>
        <source>Meja HP — {0}</source>
        <translation>Phone desk — {0}</translation>
    </message>
    <message>
        <source>Gagal menyimpan: {0}</source>
        <translation>Could not save: {0}</translation>
    </message>
    <message>
        <source>Alamat laptop untuk HP</source>
        <translation>Laptop address for phones</translation>
    </message>
    <message>
        <source>127.0.0.1 (tidak ada jaringan)</source>
        <translation>127.0.0.1 (no network)</translation>
    </message>
    <message>
        <source>1. Daftar hadir</source>
        <translation>1. Attendance</translation>
    </message>
    <message>
        <source>2. Ikrar</source>
        <translation>2. Pledge</translation>
    </message>
    <message>
        <source>3. Tes</source>
        <translation>3. Test</translation>
    </message>
    <message>
        <source>Jeda (HP menunggu)</source>
        <translation>Pause (phones wait)</translation>
    </message>
    <message>
        <source>Akhiri tes</source>
        <translation>End the test</translation>
    </message>
    <message>
        <source>Ikrar di proyektor</source>
        <translation>Pledge on the projector</translation>
    </message>
    <message>
        <source>Post-test…</source>
        <translation>Post-test…</translation>
    </message>
    <message>
        <source>Teks ikrar…</source>
        <translation>Pledge text…</translation>
    </message>
    <message>
        <source>Pilih berkas ikrar (kuis-ikrar/1) yang sudah disesuaikan; bawaan: contoh</source>
        <translation>Choose an adapted pledge file (kuis-ikrar/1); built in: an example</translation>
    </message>
    <message>
        <source>Tes berikutnya di HP yang sama, tertaut ke tes ini sebagai pre-test</source>
        <translation>The next test on the same phones, linked to this one as its pre-test</translation>
    </message>
    <message>
        <source>Ekspor XLSX…</source>
        <translation>Export XLSX…</translation>
    </message>
    <message>
        <source>Satu berkas: nilai, N-Gain, daftar hadir dan ikrar per peserta</source>
        <translation>One file: scores, N-Gain, attendance and pledge per participant</translation>
    </message>
    <message>
        <source>Daftar hadir CSV…</source>
        <translation>Attendance CSV…</translation>
    </message>
    <message>
        <source>Setujui pindah HP</source>
        <translation>Approve phone change</translation>
    </message>
    <message>
        <source>Tolak</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <source>Peserta lewat HP</source>
        <translation>Participants on phones</translation>
    </message>
    <message>
        <source>Alamat:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>HP menunggu arahan.</source>
        <translation>Phones are waiting for instructions.</translation>
    </message>
    <message>
        <source>Daftar hadir dibuka: peserta mengisi di HP.</source>
        <translation>Attendance open: participants sign in on their phones.</translation>
    </message>
    <message>
        <source>Ikrar dibuka: peserta menyatakan ikrar di HP.</source>
        <translation>Pledge open: participants confirm the pledge on their phones.</translation>
    </message>
    <message>
        <source>Tes dibuka: {0}</source>
        <translation>Test open: {0}</translation>
    </message>
    <message>
        <source>Bergabung: {0} · tersambung: {1} · hadir: {2} · ikrar: {3} · tes: {4} belum mulai, {5} mengerjakan, {6} selesai</source>
        <translation>Joined: {0} · connected: {1} · present: {2} · pledged: {3} · test: {4} not started, {5} working, {6} finished</translation>
    </message>
    <message>
        <source>Semua peserta pada daftar sudah hadir.</source>
        <translation>Everyone on the roster is present.</translation>
    </message>
    <message>
        <source> dan {0} lainnya</source>
        <translation> and {0} more</translation>
    </message>
    <message>
        <source>Belum hadir ({0}): {1}{2}</source>
        <translation>Not yet present ({0}): {1}{2}</translation>
    </message>
    <message>
        <source>{0} meminta pindah ke HP lain.</source>
        <translation>{0} asks to move to another phone.</translation>
    </message>
    <message>
        <source>Akhiri tes sekarang? Peserta yang belum selesai dinilai dengan jawaban yang sudah masuk.</source>
        <translation>End the test now? Participants who have not finished are scored on the answers received so far.</translation>
    </message>
    <message>
        <source>Pilih rencana atau bank untuk tes berikutnya</source>
        <translation>Choose the plan or bank for the next test</translation>
    </message>
    <message>
        <source>Bank soal atau rencana (*.yaml *.yml)</source>
        <translation>Question bank or plan (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Pilih berkas ikrar</source>
        <translation>Choose a pledge file</translation>
    </message>
    <message>
        <source>Berkas ikrar (*.yaml *.yml)</source>
        <translation>Pledge file (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Teks ikrar: {0}</source>
        <translation>Pledge text: {0}</translation>
    </message>
    <message>
        <source>Ekspor hasil</source>
        <translation>Export results</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Tersimpan: {0}</source>
        <translation>Saved: {0}</translation>
    </message>
    <message>
        <source>Ekspor daftar hadir</source>
        <translation>Export attendance</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Meja HP</source>
        <translation>Phone desk</translation>
    </message>
    <message>
        <source>Tutup meja HP</source>
        <translation>Close the phone desk</translation>
    </message>
    <message>
        <source>{0} peserta masih mengerjakan. Tutup sekarang? Tes mereka diakhiri dan dinilai dengan jawaban yang sudah masuk.</source>
        <translation>{0} participants are still working. Close now? Their tests are ended and scored on the answers received so far.</translation>
    </message>
    <message>
        <source>Meja HP &apos;{0}&apos; (kode {1}, {2} peserta) belum ditutup, mungkin karena laptop mati. Lanjutkan meja itu? Peserta kembali ke soalnya tanpa memindai ulang.</source>
        <translation>The phone desk &apos;{0}&apos; (code {1}, {2} participants) was not closed, perhaps because the laptop went off. Continue that desk? Participants return to their question without scanning again.</translation>
    </message>
    <message>
        <source>Server HP tidak dapat dibuka: {0}</source>
        <translation>The phone server could not be opened: {0}</translation>
    </message>
</context>
<context>
    <name>EditorFiles</name>
    <message>
        <source>Bank soal baru</source>
        <translation>New question bank</translation>
    </message>
    <message>
        <source>Bank soal (*.yaml)</source>
        <translation>Question bank (*.yaml)</translation>
    </message>
    <message>
        <source>Buka bank soal</source>
        <translation>Open question bank</translation>
    </message>
    <message>
        <source>Berkas tidak dapat dibuka</source>
        <translation>The file cannot be opened</translation>
    </message>
    <message>
        <source>Simpan bank</source>
        <translation>Save bank</translation>
    </message>
    <message>
        <source>Bank masih punya {0} masalah; aplikasi belum dapat memakainya. Simpan juga?</source>
        <translation>The bank still has {0} problem(s); the app cannot use it yet. Save anyway?</translation>
    </message>
    <message>
        <source>Tersimpan: {0}</source>
        <translation>Saved: {0}</translation>
    </message>
    <message>
        <source>Bank tidak tersimpan</source>
        <translation>The bank was not saved</translation>
    </message>
    <message>
        <source>Impor soal</source>
        <translation>Import questions</translation>
    </message>
    <message>
        <source>Soal (*.xlsx *.gift *.txt);;Semua berkas (*)</source>
        <translation>Questions (*.xlsx *.gift *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>Simpan bank hasil impor</source>
        <translation>Save the imported bank</translation>
    </message>
    <message>
        <source>Impor gagal</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <source>Hasil impor</source>
        <translation>Import result</translation>
    </message>
    <message>
        <source>Simpan templat Excel</source>
        <translation>Save Excel template</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Templat tersimpan: {0}. Isi lembar Soal, lalu Impor.</source>
        <translation>Template saved: {0}. Fill in the Soal sheet, then Import.</translation>
    </message>
    <message>
        <source>Ekspor ke Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>Simpan bank dulu; yang diekspor adalah berkas tersimpan.</source>
        <translation>Save the bank first; the saved file is what gets exported.</translation>
    </message>
    <message>
        <source>{0} soal diekspor ke {1}</source>
        <translation>{0} questions exported to {1}</translation>
    </message>
    <message>
        <source>Berkas Excel tidak tersimpan</source>
        <translation>The Excel file was not saved</translation>
    </message>
    <message>
        <source>Perubahan belum disimpan</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Perubahan pada bank ini belum disimpan. Buang perubahan?</source>
        <translation>Changes to this bank are not saved. Discard them?</translation>
    </message>
</context>
<context>
    <name>EditorWindow</name>
    <message>
        <source>Penyunting bank soal</source>
        <translation>Question bank editor</translation>
    </message>
    <message>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Bank baru…</source>
        <translation>New bank…</translation>
    </message>
    <message>
        <source>Buka…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Urungkan</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Ulangi</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Impor…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Impor soal dari templat Excel, Kahoot, Quizizz, Moodle GIFT atau Aiken</source>
        <translation>Import questions from the Excel template, Kahoot, Quizizz, Moodle GIFT or Aiken</translation>
    </message>
    <message>
        <source>Templat Excel…</source>
        <translation>Excel template…</translation>
    </message>
    <message>
        <source>Ekspor ke Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>ID bank</source>
        <translation>Bank ID</translation>
    </message>
    <message>
        <source>Judul bank</source>
        <translation>Bank title</translation>
    </message>
    <message>
        <source>Saring kategori</source>
        <translation>Filter by category</translation>
    </message>
    <message>
        <source>Cari soal…</source>
        <translation>Search questions…</translation>
    </message>
    <message>
        <source>Cari soal</source>
        <translation>Search questions</translation>
    </message>
    <message>
        <source>Daftar soal</source>
        <translation>Question list</translation>
    </message>
    <message>
        <source>Tambah soal</source>
        <translation>Add question</translation>
    </message>
    <message>
        <source>Hapus soal</source>
        <translation>Delete question</translation>
    </message>
    <message>
        <source>Naikkan soal</source>
        <translation>Move question up</translation>
    </message>
    <message>
        <source>Naikkan soal (Alt+Atas)</source>
        <translation>Move question up (Alt+Up)</translation>
    </message>
    <message>
        <source>Turunkan soal</source>
        <translation>Move question down</translation>
    </message>
    <message>
        <source>Turunkan soal (Alt+Bawah)</source>
        <translation>Move question down (Alt+Down)</translation>
    </message>
    <message>
        <source>Judul kategori baru</source>
        <translation>New category title</translation>
    </message>
    <message>
        <source>Tambah kategori</source>
        <translation>Add category</translation>
    </message>
    <message>
        <source>ID soal</source>
        <translation>Question ID</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Jenis soal</source>
        <translation>Question type</translation>
    </message>
    <message>
        <source>Pilihan tunggal</source>
        <translation>Single choice</translation>
    </message>
    <message>
        <source>Pilihan ganda kompleks</source>
        <translation>Multiple answers</translation>
    </message>
    <message>
        <source>Benar/Salah</source>
        <translation>True/False</translation>
    </message>
    <message>
        <source>Jajak pendapat</source>
        <translation>Poll</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Teks soal</source>
        <translation>Question text</translation>
    </message>
    <message>
        <source>Pilihan {0}</source>
        <translation>Option {0}</translation>
    </message>
    <message>
        <source>Jawaban</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>mis. B; A, C; atau Benar/Salah</source>
        <translation>e.g. B; A, C; or Benar/Salah (true/false)</translation>
    </message>
    <message>
        <source>Penjelasan</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>Rujukan</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Kesulitan</source>
        <translation>Difficulty</translation>
    </message>
    <message>
        <source>Mudah</source>
        <translation>Easy</translation>
    </message>
    <message>
        <source>Sedang</source>
        <translation>Medium</translation>
    </message>
    <message>
        <source>Sulit</source>
        <translation>Hard</translation>
    </message>
    <message>
        <source>Poin</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>kosong = bawaan bank (1)</source>
        <translation>empty = bank default (1)</translation>
    </message>
    <message>
        <source>Batas waktu (detik)</source>
        <translation>Time limit (seconds)</translation>
    </message>
    <message>
        <source>kosong = bawaan bank atau rencana sesi (30)</source>
        <translation>empty = bank or session plan default (30)</translation>
    </message>
    <message>
        <source>Acak pilihan</source>
        <translation>Shuffle options</translation>
    </message>
    <message>
        <source>bawaan bank</source>
        <translation>bank default</translation>
    </message>
    <message>
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Gambar</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Pilih…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Pilih gambar</source>
        <translation>Choose image</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Hapus gambar</source>
        <translation>Remove image</translation>
    </message>
    <message>
        <source>Tag (pisah koma)</source>
        <translation>Tags (comma-separated)</translation>
    </message>
    <message>
        <source>Masalah di bank</source>
        <translation>Problems in the bank</translation>
    </message>
    <message>
        <source>Buat bank baru, buka bank (.yaml), atau impor soal dari Excel, Kahoot, Quizizz, Moodle GIFT atau Aiken.</source>
        <translation>Create a new bank, open a bank (.yaml), or import questions from Excel, Kahoot, Quizizz, Moodle GIFT or Aiken.</translation>
    </message>
    <message>
        <source>Semua kategori</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>Benar</source>
        <translation>True</translation>
    </message>
    <message>
        <source>Salah</source>
        <translation>False</translation>
    </message>
    <message>
        <source>ubah soal</source>
        <translation>edit question</translation>
    </message>
    <message>
        <source>ubah bank</source>
        <translation>edit bank</translation>
    </message>
    <message>
        <source>tambah soal</source>
        <translation>add question</translation>
    </message>
    <message>
        <source>hapus soal</source>
        <translation>delete question</translation>
    </message>
    <message>
        <source>pindahkan soal</source>
        <translation>move question</translation>
    </message>
    <message>
        <source>tambah kategori</source>
        <translation>add category</translation>
    </message>
    <message>
        <source>Gambar (*.png *.jpg *.jpeg *.svg)</source>
        <translation>Images (*.png *.jpg *.jpeg *.svg)</translation>
    </message>
    <message>
        <source>Gambar di luar folder bank</source>
        <translation>Image outside the bank folder</translation>
    </message>
    <message>
        <source>Gambar harus berada di folder bank soal ({0}) atau subfoldernya. Salin gambar ke sana, lalu pilih lagi.</source>
        <translation>The image must be in the question bank&apos;s folder ({0}) or a subfolder. Copy the image there, then choose it again.</translation>
    </message>
    <message>
        <source>{0} masalah — bank belum dapat dipakai</source>
        <translation>{0} problem(s) — the bank cannot be used yet</translation>
    </message>
    <message>
        <source>{0} soal — valid</source>
        <translation>{0} questions — valid</translation>
    </message>
</context>
<context>
    <name>FinishScreen</name>
    <message>
        <source>Kirim jawaban?</source>
        <translation>Submit your answers?</translation>
    </message>
    <message>
        <source>⚠ Belum dijawab: {0} soal (nomor {1})</source>
        <translation>⚠ Not answered: {0} questions (numbers {1})</translation>
    </message>
    <message>
        <source>⚑ Ditandai ragu-ragu: {0} soal (nomor {1})</source>
        <translation>⚑ Marked as unsure: {0} questions (numbers {1})</translation>
    </message>
    <message>
        <source>⚑ Ditandai ragu-ragu: 0 soal</source>
        <translation>⚑ Marked as unsure: 0 questions</translation>
    </message>
    <message>
        <source>Setelah dikirim, jawaban tidak dapat diubah lagi.</source>
        <translation>Once submitted, answers can no longer be changed.</translation>
    </message>
    <message>
        <source>←  Kembali ke soal  (Backspace)</source>
        <translation>←  Back to the questions  (Backspace)</translation>
    </message>
    <message>
        <source>Klik nomor soal, atau ketik nomornya lalu Enter, untuk kembali ke soal itu. ⚑ = ragu-ragu.</source>
        <translation>Click a question number, or type it and press Enter, to go back to that question. ⚑ = unsure.</translation>
    </message>
    <message>
        <source>Pindah ke soal</source>
        <translation>Go to question</translation>
    </message>
    <message>
        <source>Kembali ke soal</source>
        <translation>Back to the questions</translation>
    </message>
    <message>
        <source>Kirim jawaban  (Enter)</source>
        <translation>Submit answers  (Enter)</translation>
    </message>
    <message>
        <source>Kirim jawaban</source>
        <translation>Submit answers</translation>
    </message>
    <message>
        <source>Terjawab: {0} dari {1} soal</source>
        <translation>Answered: {0} of {1} questions</translation>
    </message>
    <message>
        <source>Sisa waktu tes {0} · {1}</source>
        <translation>Test time left {0} · {1}</translation>
    </message>
    <message>
        <source>Ke soal nomor {0} — tekan Enter (Esc: batal)</source>
        <translation>To question {0} — press Enter (Esc: cancel)</translation>
    </message>
    <message>
        <source>Soal nomor {0} tidak ada; nomor soal 1–{1}.</source>
        <translation>There is no question {0}; questions are numbered 1–{1}.</translation>
    </message>
    <message>
        <source>Semua soal sudah dijawab.</source>
        <translation>All questions are answered.</translation>
    </message>
</context>
<context>
    <name>IdentityScreen</name>
    <message>
        <source>Selamat datang</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>NIP (18 angka)</source>
        <translation>NIP (18 digits)</translation>
    </message>
    <message>
        <source>NIP</source>
        <translation>NIP</translation>
    </message>
    <message>
        <source>contoh: 198503122010011002</source>
        <translation>example: 198503122010011002</translation>
    </message>
    <message>
        <source>NIP yang terbaca</source>
        <translation>NIP as read</translation>
    </message>
    <message>
        <source>Pesan NIP</source>
        <translation>NIP message</translation>
    </message>
    <message>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Pesan</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Lanjut  (Enter)</source>
        <translation>Continue  (Enter)</translation>
    </message>
    <message>
        <source>Lanjut</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Peserta tamu tanpa NIP: kosongkan NIP, isi nama saja.</source>
        <translation>Guests without a NIP: leave the NIP empty and type your name only.</translation>
    </message>
    <message>
        <source>Setiap peserta wajib mengisi NIP.</source>
        <translation>Every participant must enter a NIP.</translation>
    </message>
    <message>
        <source>Tab: pindah ke kolom berikutnya · Enter: lanjut</source>
        <translation>Tab: next field · Enter: continue</translation>
    </message>
    <message>
        <source>{0} dari 18 angka</source>
        <translation>{0} of 18 digits</translation>
    </message>
    <message>
        <source>Terdaftar: {0}</source>
        <translation>Registered: {0}</translation>
    </message>
    <message>
        <source>NIP tidak ada di daftar peserta; Anda tercatat sebagai tamu.</source>
        <translation>This NIP is not on the participant list; you are recorded as a guest.</translation>
    </message>
    <message>
        <source>NIP ini tidak ada dalam daftar peserta sesi ini. Periksa kembali, atau hubungi panitia.</source>
        <translation>This NIP is not on this session&apos;s participant list. Check it again, or ask the organisers.</translation>
    </message>
    <message>
        <source>Periksa NIP pada kartu ASN atau SK Anda.</source>
        <translation>Check the NIP on your civil servant card or appointment decree.</translation>
    </message>
    <message>
        <source>Isi nama lengkap Anda.</source>
        <translation>Type your full name.</translation>
    </message>
    <message>
        <source>Isi NIP Anda (18 angka). Sesi ini tidak menerima peserta tamu.</source>
        <translation>Type your NIP (18 digits). This session does not accept guests.</translation>
    </message>
</context>
<context>
    <name>InstructionsScreen</name>
    <message>
        <source>Petunjuk</source>
        <translation>Instructions</translation>
    </message>
    <message>
        <source>Mulai tes  (Enter)</source>
        <translation>Start the test  (Enter)</translation>
    </message>
    <message>
        <source>Mulai tes</source>
        <translation>Start the test</translation>
    </message>
    <message>
        <source>(tamu)</source>
        <translation>(guest)</translation>
    </message>
    <message>
        <source>Jumlah soal: &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>Questions: &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Waktu tes: &lt;b&gt;{0} menit&lt;/b&gt;</source>
        <translation>Test time: &lt;b&gt;{0} minutes&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Waktu soal: &lt;b&gt;{0}–{1} detik&lt;/b&gt; pada soal yang berwaktu</source>
        <translation>Question time: &lt;b&gt;{0}–{1} seconds&lt;/b&gt; on timed questions</translation>
    </message>
    <message>
        <source>Waktu soal: &lt;b&gt;{0} detik&lt;/b&gt; pada soal yang berwaktu</source>
        <translation>Question time: &lt;b&gt;{0} seconds&lt;/b&gt; on timed questions</translation>
    </message>
    <message>
        <source>Waktu setiap soal: &lt;b&gt;{0} detik&lt;/b&gt;</source>
        <translation>Time per question: &lt;b&gt;{0} seconds&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Waktu setiap soal: &lt;b&gt;{0}–{1} detik&lt;/b&gt; (berbeda-beda)</source>
        <translation>Time per question: &lt;b&gt;{0}–{1} seconds&lt;/b&gt; (varies)</translation>
    </message>
    <message>
        <source>Nilai lulus: &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>Pass mark: &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Tekan huruf &lt;b&gt;A–H&lt;/b&gt; atau angka &lt;b&gt;1–8&lt;/b&gt; untuk memilih jawaban. Soal Benar/Salah: &lt;b&gt;A&lt;/b&gt; = Benar, &lt;b&gt;B&lt;/b&gt; = Salah.</source>
        <translation>Press a letter &lt;b&gt;A–H&lt;/b&gt; or a digit &lt;b&gt;1–8&lt;/b&gt; to choose an answer. True/false questions: &lt;b&gt;A&lt;/b&gt; = True (Benar), &lt;b&gt;B&lt;/b&gt; = False (Salah).</translation>
    </message>
    <message>
        <source>Tekan &lt;b&gt;Enter&lt;/b&gt; untuk lanjut ke soal berikutnya.</source>
        <translation>Press &lt;b&gt;Enter&lt;/b&gt; to go on to the next question.</translation>
    </message>
    <message>
        <source>Tekan &lt;b&gt;Ctrl+F&lt;/b&gt; untuk menandai soal yang masih ragu-ragu.</source>
        <translation>Press &lt;b&gt;Ctrl+F&lt;/b&gt; to mark a question you are unsure about.</translation>
    </message>
    <message>
        <source>Tekan &lt;b&gt;←&lt;/b&gt; dan &lt;b&gt;→&lt;/b&gt; untuk pindah soal.</source>
        <translation>Press &lt;b&gt;←&lt;/b&gt; and &lt;b&gt;→&lt;/b&gt; to move between questions.</translation>
    </message>
    <message>
        <source>Soal hanya bisa maju; Anda tidak dapat kembali ke soal sebelumnya.</source>
        <translation>Questions only move forward; you cannot go back to an earlier question.</translation>
    </message>
    <message>
        <source>Bila waktu soal habis, tes otomatis pindah ke soal berikutnya.</source>
        <translation>When a question&apos;s time runs out, the test moves on by itself.</translation>
    </message>
    <message>
        <source>Setiap jawaban langsung tersimpan. Bila listrik padam, tes dapat dilanjutkan.</source>
        <translation>Every answer is saved at once. After a power cut the test can be resumed.</translation>
    </message>
</context>
<context>
    <name>ItemStatsModel</name>
    <message>
        <source>Soal</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <source>r</source>
        <translation>r</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Sebaran jawaban</source>
        <translation>Answer distribution</translation>
    </message>
    <message>
        <source>Jumlah peserta yang mendapat soal ini</source>
        <translation>Number of participants who got this question</translation>
    </message>
    <message>
        <source>Tingkat kesukaran: proporsi jawaban benar (0–1)</source>
        <translation>Difficulty: share of right answers (0–1)</translation>
    </message>
    <message>
        <source>Daya pembeda: korelasi skor soal dengan skor soal lainnya (−1 sampai 1)</source>
        <translation>Discrimination: correlation of the question score with the other questions&apos; score (−1 to 1)</translation>
    </message>
    <message>
        <source>Berapa kali setiap pilihan dipilih; * = kunci</source>
        <translation>How often each option was chosen; * = key</translation>
    </message>
    <message>
        <source>terlalu mudah (p &gt; 0,9)</source>
        <translation>too easy (p &gt; 0.9)</translation>
    </message>
    <message>
        <source>terlalu sulit (p &lt; 0,2)</source>
        <translation>too hard (p &lt; 0.2)</translation>
    </message>
    <message>
        <source>daya pembeda negatif: periksa kunci/kalimat soal</source>
        <translation>negative discrimination: check the key/wording</translation>
    </message>
    <message>
        <source>pengecoh tidak dipilih siapa pun: {0}</source>
        <translation>distractors nobody chose: {0}</translation>
    </message>
    <message>
        <source>kosong {0}</source>
        <translation>blank {0}</translation>
    </message>
</context>
<context>
    <name>JoinCard</name>
    <message>
        <source>Jawab lewat HP</source>
        <translation>Answer on your phone</translation>
    </message>
    <message>
        <source>Kode sesi: {0}</source>
        <translation>Session code: {0}</translation>
    </message>
    <message>
        <source>1. Sambungkan HP ke Wi-Fi aula (data seluler boleh dimatikan).
2. Pindai kode QR, atau ketik alamat ini di peramban HP:</source>
        <translation>1. Connect your phone to the hall Wi-Fi (mobile data may be turned off).
2. Scan the QR code, or type this address in your phone&apos;s browser:</translation>
    </message>
    <message>
        <source>{0} peserta bergabung · {1} tersambung</source>
        <translation>{0} participants joined · {1} connected</translation>
    </message>
</context>
<context>
    <name>Launcher</name>
    <message>
        <source>Basis data hasil</source>
        <translation>Results database</translation>
    </message>
    <message>
        <source>Basis data hasil tidak dapat dibuka.</source>
        <translation>The results database cannot be opened.</translation>
    </message>
    <message>
        <source>Sesi tidak dapat dibuat</source>
        <translation>The session cannot be created</translation>
    </message>
    <message>
        <source>Tes yang belum selesai tidak dapat diperiksa.</source>
        <translation>Unfinished tests cannot be checked.</translation>
    </message>
    <message>
        <source>tanpa batas waktu tes</source>
        <translation>no test time limit</translation>
    </message>
    <message>
        <source>sisa waktu {0}</source>
        <translation>{0} left</translation>
    </message>
    <message>
        <source>{0} — {1} — {2}, soal {3} dari {4}</source>
        <translation>{0} — {1} — {2}, question {3} of {4}</translation>
    </message>
    <message>
        <source>Lanjutkan tes yang terputus?</source>
        <translation>Resume an interrupted test?</translation>
    </message>
    <message>
        <source>Tes berikut belum selesai (aplikasi tertutup atau listrik padam). Pilih satu untuk dilanjutkan tepat dari posisi terakhir yang tersimpan.</source>
        <translation>These tests did not finish (the app closed or the power failed). Choose one to resume exactly where it was last saved.</translation>
    </message>
    <message>
        <source>Lanjutkan</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Batalkan tes ini</source>
        <translation>Abandon this test</translation>
    </message>
    <message>
        <source>Batalkan tes?</source>
        <translation>Abandon the test?</translation>
    </message>
    <message>
        <source>Tes {0} dibatalkan dan tidak ditawarkan lagi. Jawabannya tetap tersimpan sebagai tes yang dibatalkan. Lanjutkan?</source>
        <translation>The test of {0} is abandoned and no longer offered. Its answers stay stored as an abandoned test. Continue?</translation>
    </message>
    <message>
        <source>PIN terkunci</source>
        <translation>PIN locked</translation>
    </message>
    <message>
        <source>PIN salah tiga kali. Coba lagi dalam {0} detik.</source>
        <translation>Wrong PIN three times. Try again in {0} seconds.</translation>
    </message>
    <message>
        <source>PIN pelatih</source>
        <translation>Trainer PIN</translation>
    </message>
    <message>
        <source>Masukkan PIN pelatih untuk membatalkan tes {0}.</source>
        <translation>Enter the trainer PIN to cancel the test of {0}.</translation>
    </message>
    <message>
        <source>PIN salah</source>
        <translation>Wrong PIN</translation>
    </message>
    <message>
        <source>PIN salah. Sisa percobaan: {0}.</source>
        <translation>Wrong PIN. Tries left: {0}.</translation>
    </message>
    <message>
        <source>Tes tidak dapat dilanjutkan</source>
        <translation>The test cannot be resumed</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Kuis ASN</source>
        <translation>Kuis ASN</translation>
    </message>
    <message>
        <source>Judul aplikasi</source>
        <translation>Application title</translation>
    </message>
    <message>
        <source>Kuis luring untuk sosialisasi netralitas ASN dan nilai dasar BerAKHLAK</source>
        <translation>Offline quiz for civil-servant neutrality and BerAKHLAK core values sessions</translation>
    </message>
    <message>
        <source>Mulai Tes Peserta</source>
        <translation>Start Participant Test</translation>
    </message>
    <message>
        <source>Kuis Aula (Presenter)</source>
        <translation>Hall Quiz (Presenter)</translation>
    </message>
    <message>
        <source>Hasil Tes</source>
        <translation>Test Results</translation>
    </message>
    <message>
        <source>Buat/ubah bank soal</source>
        <translation>Create/edit question bank</translation>
    </message>
    <message>
        <source>Bank soal dan rencana sesi bawaan</source>
        <translation>Bundled question banks and session plans</translation>
    </message>
    <message>
        <source>Daftar bank soal</source>
        <translation>Question bank list</translation>
    </message>
    <message>
        <source>Pilih semua baris</source>
        <translation>Select all rows</translation>
    </message>
    <message>
        <source>Bantuan</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>Tentang Kuis ASN</source>
        <translation>About Kuis ASN</translation>
    </message>
    <message>
        <source>Kuis ASN versi {0}

Kuis luring untuk sosialisasi netralitas ASN dan nilai dasar BerAKHLAK.

Folder data: {1}
Qt for Python (PySide6) {2}. Lisensi MIT.</source>
        <translation>Kuis ASN version {0}

An offline quiz for civil-servant neutrality and BerAKHLAK core-value training.

Data folder: {1}
Qt for Python (PySide6) {2}. MIT licence.</translation>
    </message>
    <message>
        <source>Mode presenter tidak dapat dibuka</source>
        <translation>Presenter mode cannot be opened</translation>
    </message>
    <message>
        <source>Memuat bank soal…</source>
        <translation>Loading question banks…</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Bahasa / Language</source>
        <translation>Bahasa / Language</translation>
    </message>
    <message>
        <source>Menu lainnya</source>
        <translation>More menus</translation>
    </message>
    <message>
        <source>Bahasa tampilan berubah setelah aplikasi dibuka ulang. / The display language changes when the app is opened again.</source>
        <translation>Bahasa tampilan berubah setelah aplikasi dibuka ulang. / The display language changes when the app is opened again.</translation>
    </message>
    <message>
        <source>{0} berkas dimuat; {1} berkas bermasalah (arahkan tetikus ke statusnya)</source>
        <translation>{0} files loaded; {1} with problems (hover over the status)</translation>
    </message>
    <message>
        <source>{0} berkas dimuat, semuanya valid</source>
        <translation>{0} files loaded, all valid</translation>
    </message>
</context>
<context>
    <name>ParticipantWindow</name>
    <message>
        <source>Kuis ASN — {0}</source>
        <translation>Kuis ASN — {0}</translation>
    </message>
    <message>
        <source>Sesi tidak dapat menerima peserta</source>
        <translation>The session cannot take participants</translation>
    </message>
    <message>
        <source>Sesi ini sudah ditutup atau berkas soalnya tidak dapat dimuat. Minta pelatih memulai sesi baru.</source>
        <translation>This session is closed or its question file cannot be loaded. Ask the trainer to start a new session.</translation>
    </message>
    <message>
        <source>Soal tidak dapat disusun</source>
        <translation>The questions cannot be drawn</translation>
    </message>
    <message>
        <source>Basis data hasil</source>
        <translation>Results database</translation>
    </message>
    <message>
        <source>NIP ini sudah menyelesaikan tes di sesi ini. Tes ulang hanya dengan izin pelatih: masukkan PIN pelatih untuk mengizinkan tes ulang.</source>
        <translation>This NIP has already finished the test in this session. A retake needs the trainer&apos;s permission: enter the trainer PIN to allow a retake.</translation>
    </message>
    <message>
        <source>NIP ini sudah menyelesaikan tes di sesi ini. Tes ulang memerlukan izin pelatih.</source>
        <translation>This NIP has already finished the test in this session. A retake needs the trainer&apos;s permission.</translation>
    </message>
    <message>
        <source>Tes tidak dapat dimulai</source>
        <translation>The test cannot start</translation>
    </message>
    <message>
        <source>Tes ini hanya bisa maju; soal sebelumnya tidak dapat dibuka lagi.</source>
        <translation>This test only moves forward; earlier questions cannot be opened again.</translation>
    </message>
    <message>
        <source>Waktu soal ini sudah habis.</source>
        <translation>This question&apos;s time is up.</translation>
    </message>
    <message>
        <source>Tes ini tidak mengizinkan kembali ke soal sebelumnya.</source>
        <translation>This test does not allow going back to earlier questions.</translation>
    </message>
    <message>
        <source>Jawaban belum tersimpan</source>
        <translation>Answer not saved</translation>
    </message>
    <message>
        <source>Jawaban tidak dapat disimpan ke basis data hasil. Panggil pelatih; jangan tutup aplikasi.</source>
        <translation>The answer cannot be saved to the results database. Call the trainer; do not close the app.</translation>
    </message>
    <message>
        <source>Menu pelatih terkunci</source>
        <translation>Trainer menu locked</translation>
    </message>
    <message>
        <source>PIN salah tiga kali. Coba lagi dalam {0} detik.</source>
        <translation>Wrong PIN three times. Try again in {0} seconds.</translation>
    </message>
    <message>
        <source>PIN pelatih</source>
        <translation>Trainer PIN</translation>
    </message>
    <message>
        <source>PIN salah tiga kali. Menu pelatih terkunci selama {0} detik.</source>
        <translation>Wrong PIN three times. The trainer menu is locked for {0} seconds.</translation>
    </message>
    <message>
        <source>PIN salah</source>
        <translation>Wrong PIN</translation>
    </message>
    <message>
        <source>PIN salah. Sisa percobaan: {0}.</source>
        <translation>Wrong PIN. Tries left: {0}.</translation>
    </message>
    <message>
        <source>Masukkan PIN pelatih untuk membuka menu pelatih.</source>
        <translation>Enter the trainer PIN to open the trainer menu.</translation>
    </message>
    <message>
        <source>Menu pelatih</source>
        <translation>Trainer menu</translation>
    </message>
    <message>
        <source>Sesi: {0}</source>
        <translation>Session: {0}</translation>
    </message>
    <message>
        <source>Peserta berikutnya</source>
        <translation>Next participant</translation>
    </message>
    <message>
        <source>Hasil</source>
        <translation>Results</translation>
    </message>
    <message>
        <source>Ekspor</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Akhiri sesi</source>
        <translation>End session</translation>
    </message>
    <message>
        <source>Akhiri sesi?</source>
        <translation>End the session?</translation>
    </message>
    <message>
        <source>Sesi ini ditutup: tidak ada peserta baru yang dapat mulai, dan tes yang sedang berjalan diakhiri serta dinilai dengan jawaban yang sudah ada. Akhiri sesi sekarang?</source>
        <translation>The session is closed: no new participant can start, and a test in progress is ended and scored with the answers given so far. End the session now?</translation>
    </message>
    <message>
        <source>Belum tersedia</source>
        <translation>Not available yet</translation>
    </message>
    <message>
        <source>Fitur ini belum tersedia dari layar peserta. Tutup sesi lalu buka dari jendela utama.</source>
        <translation>This is not available from the participant screen yet. Close the session and open it from the main window.</translation>
    </message>
    <message>
        <source>Tes peserta ini belum selesai. Akhiri sekarang dan nilai jawaban yang sudah ada?</source>
        <translation>This participant&apos;s test is not finished. End it now and score the answers given so far?</translation>
    </message>
    <message>
        <source>Sesi tidak dapat ditutup</source>
        <translation>The session cannot be closed</translation>
    </message>
    <message>
        <source>Masukkan PIN pelatih untuk menutup layar peserta.</source>
        <translation>Enter the trainer PIN to close the participant screen.</translation>
    </message>
    <message>
        <source>Tutup layar peserta?</source>
        <translation>Close the participant screen?</translation>
    </message>
    <message>
        <source>Tes sedang berjalan. Jawaban yang sudah diberikan tersimpan dan tes dapat dilanjutkan saat aplikasi dibuka lagi. Tutup sekarang?</source>
        <translation>A test is running. The answers given are saved and the test can be resumed when the app is opened again. Close now?</translation>
    </message>
</context>
<context>
    <name>ParticipantsModel</name>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>NIP</source>
        <translation>NIP</translation>
    </message>
    <message>
        <source>Unit Kerja</source>
        <translation>Work unit</translation>
    </message>
    <message>
        <source>Nilai</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Lulus</source>
        <translation>Passed</translation>
    </message>
    <message>
        <source>Durasi</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>B / SB / S / K</source>
        <translation>C / P / W / E</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>N-Gain</source>
        <translation>N-Gain</translation>
    </message>
    <message>
        <source>Jumlah soal benar / sebagian benar / salah / kosong (tidak dijawab)</source>
        <translation>Questions correct / partly correct / wrong / empty (not answered)</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Dinyatakan tidak sah {0}: {1}</source>
        <translation>Declared invalid {0}: {1}</translation>
    </message>
    <message>
        <source>Pre</source>
        <translation>Pre</translation>
    </message>
    <message>
        <source>Nilai pretest (dicocokkan menurut NIP)</source>
        <translation>Pretest score (matched by NIP)</translation>
    </message>
    <message>
        <source>N-Gain = (posttest − pretest) / (100 − pretest)</source>
        <translation>N-Gain = (posttest − pretest) / (100 − pretest)</translation>
    </message>
    <message>
        <source>Belum selesai</source>
        <translation>Not finished</translation>
    </message>
    <message>
        <source>Dibatalkan</source>
        <translation>Abandoned</translation>
    </message>
    <message>
        <source>Tidak sah</source>
        <translation>Invalid</translation>
    </message>
    <message>
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Tidak sah: {0}</source>
        <translation>Invalid: {0}</translation>
    </message>
    <message>
        <source>Laptop: {0}</source>
        <translation>Laptop: {0}</translation>
    </message>
</context>
<context>
    <name>PhonesChoice</name>
    <message>
        <source>Peserta menjawab lewat HP (Wi-Fi aula, pindai kode QR; hasil per NIP)</source>
        <translation>Participants answer on their phones (hall Wi-Fi, scan the QR code; results per NIP)</translation>
    </message>
    <message>
        <source>Mode HP</source>
        <translation>Phone mode</translation>
    </message>
    <message>
        <source>Daftar peserta…</source>
        <translation>Participant list…</translation>
    </message>
    <message>
        <source>Muat daftar peserta untuk HP</source>
        <translation>Load the participant list for phones</translation>
    </message>
    <message>
        <source>Tanpa daftar: setiap NIP yang valid boleh ikut.</source>
        <translation>Without a list: every valid NIP may join.</translation>
    </message>
    <message>
        <source>Tamu tanpa NIP boleh ikut dengan nama</source>
        <translation>Guests without a NIP may join with a name</translation>
    </message>
    <message>
        <source>Pilih daftar peserta</source>
        <translation>Choose the participant list</translation>
    </message>
    <message>
        <source>Daftar peserta (*.csv *.xlsx)</source>
        <translation>Participant lists (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Daftar peserta tidak dapat dipakai</source>
        <translation>The participant list cannot be used</translation>
    </message>
    <message>
        <source>{0} peserta dari {1}</source>
        <translation>{0} participants from {1}</translation>
    </message>
</context>
<context>
    <name>PhonesPanel</name>
    <message>
        <source>HP peserta</source>
        <translation>Participants&apos; phones</translation>
    </message>
    <message>
        <source>Alamat laptop untuk HP</source>
        <translation>Laptop address for phones</translation>
    </message>
    <message>
        <source>127.0.0.1 (tidak ada jaringan)</source>
        <translation>127.0.0.1 (no network)</translation>
    </message>
    <message>
        <source>Tampilkan kode QR di layar peserta</source>
        <translation>Show the QR code on the audience screen</translation>
    </message>
    <message>
        <source>Kunci ruang (peserta baru tidak dapat masuk)</source>
        <translation>Lock the room (no new participants can join)</translation>
    </message>
    <message>
        <source>Setujui pindah HP</source>
        <translation>Approve the phone change</translation>
    </message>
    <message>
        <source>Tolak</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <source>Peserta yang bergabung</source>
        <translation>Participants who joined</translation>
    </message>
    <message>
        <source>Keluarkan</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Keluarkan peserta terpilih</source>
        <translation>Remove the selected participant</translation>
    </message>
    <message>
        <source>Alamat:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>✓ HP pertama tersambung lewat {0}</source>
        <translation>✓ First phone connected through {0}</translation>
    </message>
    <message>
        <source>Belum ada HP yang tersambung.</source>
        <translation>No phone has connected yet.</translation>
    </message>
    <message>
        <source>Bergabung: {0} · tersambung sekarang: {1} · menjawab soal ini: {2}</source>
        <translation>Joined: {0} · connected now: {1} · answered this question: {2}</translation>
    </message>
    <message>
        <source>{0} meminta pindah ke HP lain.</source>
        <translation>{0} asks to move to another phone.</translation>
    </message>
    <message>
        <source>Keluarkan peserta</source>
        <translation>Remove participant</translation>
    </message>
    <message>
        <source>Keluarkan {0}? HP-nya terputus; jawaban yang sudah masuk tetap tersimpan.</source>
        <translation>Remove {0}? Their phone is disconnected; answers already given stay stored.</translation>
    </message>
</context>
<context>
    <name>PledgeProjector</name>
    <message>
        <source>Baris {0} dari {1}</source>
        <translation>Line {0} of {1}</translation>
    </message>
    <message>
        <source>{0} dari {1} peserta sudah menyatakan ikrar</source>
        <translation>{0} of {1} participants have confirmed the pledge</translation>
    </message>
</context>
<context>
    <name>PresenterController</name>
    <message>
        <source>Akhiri presentasi</source>
        <translation>End the presentation</translation>
    </message>
    <message>
        <source>Lewati soal</source>
        <translation>Skip question</translation>
    </message>
    <message>
        <source>{0} tim sudah menjawab soal ini. Lewati soal? Soal ini tidak dinilai untuk tim mana pun, juga bagi tim yang menjawab benar.</source>
        <translation>{0} teams have already answered this question. Skip it? It will not be scored for any team, not even for teams that answered correctly.</translation>
    </message>
    <message>
        <source>Soal {0} dilewati: tidak dinilai untuk tim mana pun.</source>
        <translation>Question {0} skipped: not scored for any team.</translation>
    </message>
    <message>
        <source>Akhiri presentasi sekarang? Soal yang belum ditayangkan tidak dinilai: nilai dihitung dari soal yang sudah ditayangkan, lalu peringkat akhir ditampilkan.</source>
        <translation>End the presentation now? Questions not yet shown are not scored: scores count the questions shown so far, then the final ranking is shown.</translation>
    </message>
    <message>
        <source>Mode diskusi tidak mengumpulkan jawaban.</source>
        <translation>Discussion mode does not collect answers.</translation>
    </message>
    <message>
        <source>{0}: {1} ({2} detik)</source>
        <translation>{0}: {1} ({2} seconds)</translation>
    </message>
    <message>
        <source>Jawaban {0} dihapus.</source>
        <translation>Answer of {0} removed.</translation>
    </message>
    <message>
        <source>Tidak ada tim bernomor {0}.</source>
        <translation>There is no team number {0}.</translation>
    </message>
    <message>
        <source>Soal ini tidak punya pilihan {0}.</source>
        <translation>This question has no option {0}.</translation>
    </message>
    <message>
        <source>Ketik nomor tim dulu, lalu hurufnya (mis. 7B).</source>
        <translation>Type the team number first, then the letter (e.g. 7B).</translation>
    </message>
    <message>
        <source>Jawaban {0}{1} tidak disimpan: tidak ada tim nomor {0} (tim bernomor 1–{2}).</source>
        <translation>Answer {0}{1} not saved: there is no team {0} (teams are numbered 1–{2}).</translation>
    </message>
    <message>
        <source>Waktu habis.</source>
        <translation>Time is up.</translation>
    </message>
    <message>
        <source>Gagal menyimpan: {0}</source>
        <translation>Saving failed: {0}</translation>
    </message>
    <message>
        <source>Gagal menyimpan</source>
        <translation>Saving failed</translation>
    </message>
    <message>
        <source>Jawaban atau keadaan presentasi tidak dapat disimpan. Periksa ruang disk dan folder data, lalu coba lagi.</source>
        <translation>Answers or the presentation state cannot be saved. Check the disk space and the data folder, then try again.</translation>
    </message>
    <message>
        <source>Waktu habis — jawaban {0} tidak diterima.</source>
        <translation>Time is up — the answer of {0} is not accepted.</translation>
    </message>
    <message>
        <source>Waktu soal ini sudah habis.</source>
        <translation>This question&apos;s time is up.</translation>
    </message>
    <message>
        <source>Soal belum dimulai atau sudah ditutup — tekan Spasi untuk memulai.</source>
        <translation>The question has not started or is closed — press Space to start.</translation>
    </message>
    <message>
        <source>Pilihan itu tidak ada pada soal ini.</source>
        <translation>That option does not exist on this question.</translation>
    </message>
    <message>
        <source>Tim tidak dikenal.</source>
        <translation>Unknown team.</translation>
    </message>
    <message>
        <source>Tombol itu tidak berlaku pada tahap ini.</source>
        <translation>That key does nothing at this stage.</translation>
    </message>
</context>
<context>
    <name>PresenterSetupDialog</name>
    <message>
        <source>Kuis Aula (Presenter)</source>
        <translation>Hall Quiz (Presenter)</translation>
    </message>
    <message>
        <source>Persiapan kuis aula</source>
        <translation>Hall quiz set-up</translation>
    </message>
    <message>
        <source>Bank soal atau rencana</source>
        <translation>Question bank or plan</translation>
    </message>
    <message>
        <source>rencana</source>
        <translation>plan</translation>
    </message>
    <message>
        <source>bank</source>
        <translation>bank</translation>
    </message>
    <message>
        <source>Pilih berkas…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Pilih berkas bank atau rencana</source>
        <translation>Choose a bank or plan file</translation>
    </message>
    <message>
        <source>Tim menjawab dengan kartu A/B/C/D</source>
        <translation>Teams answer with A/B/C/D cards</translation>
    </message>
    <message>
        <source>Mode tim</source>
        <translation>Team mode</translation>
    </message>
    <message>
        <source>Meja 1 … Meja </source>
        <translation>Table 1 … Table </translation>
    </message>
    <message>
        <source>Jumlah tim</source>
        <translation>Number of teams</translation>
    </message>
    <message>
        <source>Nama tim dari berkas…</source>
        <translation>Team names from file…</translation>
    </message>
    <message>
        <source>Muat nama tim dari berkas teks</source>
        <translation>Load team names from a text file</translation>
    </message>
    <message>
        <source>Diskusi: tampilkan, beri waktu, bahas (jawaban tidak dikumpulkan)</source>
        <translation>Discussion: show, time, discuss (no answers collected)</translation>
    </message>
    <message>
        <source>Mode diskusi</source>
        <translation>Discussion mode</translation>
    </message>
    <message>
        <source>Soal</source>
        <translation>Questions</translation>
    </message>
    <message>
        <source>Mulai</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Mulai kuis aula</source>
        <translation>Start hall quiz</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Pilih bank soal atau rencana</source>
        <translation>Choose a question bank or plan</translation>
    </message>
    <message>
        <source>Berkas YAML (*.yaml *.yml)</source>
        <translation>YAML files (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Pilih daftar nama tim</source>
        <translation>Choose the team list</translation>
    </message>
    <message>
        <source>Berkas teks (*.txt *.csv)</source>
        <translation>Text files (*.txt *.csv)</translation>
    </message>
    <message>
        <source>Daftar tim tidak dapat dipakai</source>
        <translation>The team list cannot be used</translation>
    </message>
    <message>
        <source>{0} tim dari {1}: {2}</source>
        <translation>{0} teams from {1}: {2}</translation>
    </message>
    <message>
        <source>Baris {0}: {1}</source>
        <translation>Line {0}: {1}</translation>
    </message>
    <message>
        <source>Belum ada soal</source>
        <translation>No questions chosen</translation>
    </message>
    <message>
        <source>Pilih bank soal atau rencana terlebih dahulu.</source>
        <translation>Choose a question bank or plan first.</translation>
    </message>
</context>
<context>
    <name>QuestionPreview</name>
    <message>
        <source>Pratinjau soal</source>
        <translation>Question preview</translation>
    </message>
    <message>
        <source>Layar peserta</source>
        <translation>Participant screen</translation>
    </message>
    <message>
        <source>Proyektor</source>
        <translation>Projector</translation>
    </message>
    <message>
        <source>Pilih semua jawaban yang benar</source>
        <translation>Choose all correct answers</translation>
    </message>
</context>
<context>
    <name>QuestionScreen</name>
    <message>
        <source>Nomor soal</source>
        <translation>Question number</translation>
    </message>
    <message>
        <source>Sisa waktu tes</source>
        <translation>Test time left</translation>
    </message>
    <message>
        <source>Sisa waktu soal</source>
        <translation>Question time left</translation>
    </message>
    <message>
        <source>Gambar soal</source>
        <translation>Question picture</translation>
    </message>
    <message>
        <source>Pilih SEMUA jawaban yang benar (bisa lebih dari satu).</source>
        <translation>Choose ALL right answers (there may be more than one).</translation>
    </message>
    <message>
        <source>Status penyimpanan</source>
        <translation>Save status</translation>
    </message>
    <message>
        <source>Tombol tidak dipakai</source>
        <translation>Key not used</translation>
    </message>
    <message>
        <source>←  Kembali</source>
        <translation>←  Back</translation>
    </message>
    <message>
        <source>Soal sebelumnya</source>
        <translation>Previous question</translation>
    </message>
    <message>
        <source>Tandai ragu-ragu  (Ctrl+F)</source>
        <translation>Mark as unsure  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Tandai ragu-ragu</source>
        <translation>Mark as unsure</translation>
    </message>
    <message>
        <source>Lewati</source>
        <translation>Skip</translation>
    </message>
    <message>
        <source>Lewati soal ini</source>
        <translation>Skip this question</translation>
    </message>
    <message>
        <source>Lanjut  (Enter)  →</source>
        <translation>Next  (Enter)  →</translation>
    </message>
    <message>
        <source>Lanjut</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Soal {0} dari {1}</source>
        <translation>Question {0} of {1}</translation>
    </message>
    <message>
        <source>Pilihan {0}: {1}</source>
        <translation>Option {0}: {1}</translation>
    </message>
    <message>
        <source>Selesai  (Enter)  →</source>
        <translation>Finish  (Enter)  →</translation>
    </message>
    <message>
        <source>A = Benar, B = Salah (atau 1 / 2) · Enter: lanjut</source>
        <translation>A = True (Benar), B = False (Salah) (or 1 / 2) · Enter: next</translation>
    </message>
    <message>
        <source>Tombol {0} tidak dipakai pada soal ini. Pilih A = Benar atau B = Salah.</source>
        <translation>The {0} key does nothing on this question. Choose A = True (Benar) or B = False (Salah).</translation>
    </message>
    <message>
        <source>Tombol {0} tidak dipakai pada soal ini. Pilih A–{1} atau 1–{2}.</source>
        <translation>The {0} key does nothing on this question. Choose A–{1} or 1–{2}.</translation>
    </message>
    <message>
        <source>Huruf A–{0} memilih/membatalkan · Enter: lanjut</source>
        <translation>Letters A–{0} choose/unchoose · Enter: next</translation>
    </message>
    <message>
        <source>Tekan huruf A–{0} untuk menjawab · Enter: lanjut</source>
        <translation>Press a letter A–{0} to answer · Enter: next</translation>
    </message>
    <message>
        <source> · Ctrl+F: ragu-ragu</source>
        <translation> · Ctrl+F: unsure</translation>
    </message>
    <message>
        <source> · ←/→: pindah soal</source>
        <translation> · ←/→: move between questions</translation>
    </message>
    <message>
        <source>⚑ Ditandai ragu-ragu</source>
        <translation>⚑ Marked as unsure</translation>
    </message>
    <message>
        <source>✓ Jawaban tersimpan</source>
        <translation>✓ Answer saved</translation>
    </message>
    <message>
        <source>⚠ Jawaban BELUM tersimpan</source>
        <translation>⚠ Answer NOT saved yet</translation>
    </message>
    <message>
        <source>Waktu soal habis</source>
        <translation>Question time is up</translation>
    </message>
    <message>
        <source>Sisa {0} detik!</source>
        <translation>{0} seconds left!</translation>
    </message>
    <message>
        <source>Sisa {0} detik</source>
        <translation>{0} seconds left</translation>
    </message>
    <message>
        <source>Waktu tes tinggal {0}!</source>
        <translation>Only {0} test time left!</translation>
    </message>
    <message>
        <source>Sisa waktu tes {0}</source>
        <translation>Test time left {0}</translation>
    </message>
</context>
<context>
    <name>QuestionStrip</name>
    <message>
        <source>Daftar nomor soal</source>
        <translation>Question numbers</translation>
    </message>
    <message>
        <source>sudah dijawab</source>
        <translation>answered</translation>
    </message>
    <message>
        <source>belum dijawab</source>
        <translation>not answered</translation>
    </message>
    <message>
        <source>, ragu-ragu</source>
        <translation>, unsure</translation>
    </message>
    <message>
        <source>, waktu habis</source>
        <translation>, time is up</translation>
    </message>
    <message>
        <source>Soal {0}: {1}</source>
        <translation>Question {0}: {1}</translation>
    </message>
    <message>
        <source>sedang tampil</source>
        <translation>shown now</translation>
    </message>
</context>
<context>
    <name>ResultScreen</name>
    <message>
        <source>Nilai</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Keterangan lulus</source>
        <translation>Pass or fail</translation>
    </message>
    <message>
        <source>Lihat pembahasan</source>
        <translation>See the explanations</translation>
    </message>
    <message>
        <source>Peserta berikutnya</source>
        <translation>Next participant</translation>
    </message>
    <message>
        <source>Waktu tes habis — jawaban Anda dikirim otomatis.</source>
        <translation>Test time is up — your answers were submitted automatically.</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Terima kasih</source>
        <translation>Thank you</translation>
    </message>
    <message>
        <source>Jawaban Anda sudah tersimpan. Terima kasih atas partisipasi Anda.</source>
        <translation>Your answers are saved. Thank you for taking part.</translation>
    </message>
    <message>
        <source>Hasil Tes</source>
        <translation>Test Result</translation>
    </message>
    <message>
        <source>LULUS</source>
        <translation>PASSED</translation>
    </message>
    <message>
        <source>TIDAK LULUS</source>
        <translation>NOT PASSED</translation>
    </message>
    <message>
        <source>Benar {0}</source>
        <translation>Right {0}</translation>
    </message>
    <message>
        <source>Sebagian benar {0}</source>
        <translation>Partly correct {0}</translation>
    </message>
    <message>
        <source>Salah {0}</source>
        <translation>Wrong {0}</translation>
    </message>
    <message>
        <source>Tidak dijawab {0}</source>
        <translation>Unanswered {0}</translation>
    </message>
    <message>
        <source>Waktu {0}</source>
        <translation>Time {0}</translation>
    </message>
    <message>
        <source>Nilai lulus {0}</source>
        <translation>Pass mark {0}</translation>
    </message>
    <message>
        <source>Poin kecepatan {0}</source>
        <translation>Speed points {0}</translation>
    </message>
    <message>
        <source>Nilai kategori {0}</source>
        <translation>Category score {0}</translation>
    </message>
</context>
<context>
    <name>ResultsOperations</name>
    <message>
        <source>Gagal: kesalahan tak terduga.</source>
        <translation>Failed: unexpected error.</translation>
    </message>
    <message>
        <source>kesalahan tak terduga</source>
        <translation>unexpected error</translation>
    </message>
    <message>
        <source>Ekspor gagal</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>Paket hasil gagal dibuat</source>
        <translation>The results package could not be written</translation>
    </message>
    <message>
        <source>Penggabungan gagal</source>
        <translation>Merging failed</translation>
    </message>
    <message>
        <source>Berkas sesi gagal dibuat</source>
        <translation>The session file could not be written</translation>
    </message>
    <message>
        <source>Berkas sesi tidak dapat dipakai</source>
        <translation>The session file cannot be used</translation>
    </message>
    <message>
        <source>Tes tidak dapat dinyatakan tidak sah</source>
        <translation>The test could not be declared invalid</translation>
    </message>
    <message>
        <source>PDF gagal dibuat</source>
        <translation>PDF could not be created</translation>
    </message>
    <message>
        <source>Gagal</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Ekspor CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <source>Berkas CSV (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Ekspor XLSX</source>
        <translation>Export XLSX</translation>
    </message>
    <message>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>Mengekspor ke {0}…</source>
        <translation>Exporting to {0}…</translation>
    </message>
    <message>
        <source>Tersimpan: {0} ({1} baris).</source>
        <translation>Saved: {0} ({1} rows).</translation>
    </message>
    <message>
        <source>Rincian per jawaban disimpan terpisah sebagai {0}.</source>
        <translation>The per-answer detail was saved separately as {0}.</translation>
    </message>
    <message>
        <source>{0} pengerjaan belum selesai tidak diekspor.</source>
        <translation>{0} unfinished attempts were not exported.</translation>
    </message>
    <message>
        <source>Paket hasil untuk digabung</source>
        <translation>Results package to merge</translation>
    </message>
    <message>
        <source>Paket hasil Kuis ASN (*.kuis-hasil)</source>
        <translation>Kuis ASN results packages (*.kuis-hasil)</translation>
    </message>
    <message>
        <source>Menulis paket hasil…</source>
        <translation>Writing the results package…</translation>
    </message>
    <message>
        <source>Paket hasil tersimpan: {0} ({1} hasil).</source>
        <translation>Results package saved: {0} ({1} results).</translation>
    </message>
    <message>
        <source>Pilih paket hasil dari laptop lain</source>
        <translation>Choose results packages from other laptops</translation>
    </message>
    <message>
        <source>Menggabungkan {0} paket…</source>
        <translation>Merging {0} packages…</translation>
    </message>
    <message>
        <source>{0} hasil diimpor, {1} duplikat dilewati, {2} paket ditolak.</source>
        <translation>{0} results imported, {1} duplicates skipped, {2} packages rejected.</translation>
    </message>
    <message>
        <source>Hasil penggabungan</source>
        <translation>Merge result</translation>
    </message>
    <message>
        <source>Nyatakan tes tidak sah</source>
        <translation>Declare the test invalid</translation>
    </message>
    <message>
        <source>Tes {0} tetap tersimpan dan tampil dengan alasannya, tetapi tidak dihitung pada nilai rata-rata, N-Gain, dan analisis soal; ini tidak dapat dibatalkan. Alasan:</source>
        <translation>The test of {0} stays stored and is shown with the reason, but no longer counts in the mean score, N-Gain and item analysis; this cannot be undone. Reason:</translation>
    </message>
    <message>
        <source>Tes {0} dinyatakan tidak sah: {1}</source>
        <translation>The test of {0} was declared invalid: {1}</translation>
    </message>
    <message>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Bagikan sesi</source>
        <translation>Share the session</translation>
    </message>
    <message>
        <source>Berkas sesi berisi kunci rahasia sesi ini. Salin hanya ke laptop yang dipakai di sesi ini, jangan berikan kepada peserta, dan hapus dari flashdisk setelah dipakai. Lanjutkan?</source>
        <translation>The session file contains this session&apos;s secret key. Copy it only to laptops used in this session, never give it to participants, and delete it from the USB stick after use. Continue?</translation>
    </message>
    <message>
        <source>Berkas sesi</source>
        <translation>Session file</translation>
    </message>
    <message>
        <source>Berkas sesi Kuis ASN (*.kuis-sesi)</source>
        <translation>Kuis ASN session files (*.kuis-sesi)</translation>
    </message>
    <message>
        <source>Menulis berkas sesi…</source>
        <translation>Writing the session file…</translation>
    </message>
    <message>
        <source>Berkas sesi tersimpan: {0}</source>
        <translation>Session file saved: {0}</translation>
    </message>
    <message>
        <source>Pilih berkas sesi dari laptop pelatih</source>
        <translation>Choose the session file from the trainer&apos;s laptop</translation>
    </message>
    <message>
        <source>Membaca berkas sesi…</source>
        <translation>Reading the session file…</translation>
    </message>
    <message>
        <source>Sesi &apos;{0}&apos; ({1}) dibuat di laptop ini.</source>
        <translation>Session &apos;{0}&apos; ({1}) created on this laptop.</translation>
    </message>
    <message>
        <source>Sesi &apos;{0}&apos; ({1}) sudah ada di laptop ini.</source>
        <translation>Session &apos;{0}&apos; ({1}) already exists on this laptop.</translation>
    </message>
    <message>
        <source>Laporan kegiatan (PDF)</source>
        <translation>Session report (PDF)</translation>
    </message>
    <message>
        <source>Dokumen PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Daftar hadir (PDF)</source>
        <translation>Attendance list (PDF)</translation>
    </message>
    <message>
        <source>Daftar ikrar (PDF)</source>
        <translation>Pledge list (PDF)</translation>
    </message>
    <message>
        <source>Membaca penanda tangan…</source>
        <translation>Reading the signer…</translation>
    </message>
    <message>
        <source>Sertifikat peserta (PDF)</source>
        <translation>Participant certificates (PDF)</translation>
    </message>
    <message>
        <source>Membuat PDF {0}…</source>
        <translation>Creating PDF {0}…</translation>
    </message>
    <message>
        <source>Laporan tersimpan: {0} ({1} halaman, {2} detik).</source>
        <translation>Report saved: {0} ({1} pages, {2} seconds).</translation>
    </message>
    <message>
        <source>Sertifikat tersimpan: {0} ({1} peserta).</source>
        <translation>Certificates saved: {0} ({1} participants).</translation>
    </message>
    <message>
        <source>Daftar tersimpan: {0} ({1} halaman).</source>
        <translation>List saved: {0} ({1} pages).</translation>
    </message>
</context>
<context>
    <name>ResultsWindow</name>
    <message>
        <source>Hasil Tes — Kuis ASN</source>
        <translation>Test Results — Kuis ASN</translation>
    </message>
    <message>
        <source>Riwayat Sesi</source>
        <translation>Session History</translation>
    </message>
    <message>
        <source>Cari judul, tempat, tanggal (2025-03-04), kode…</source>
        <translation>Search title, place, date (2025-03-04), code…</translation>
    </message>
    <message>
        <source>Cari sesi</source>
        <translation>Search sessions</translation>
    </message>
    <message>
        <source>Daftar sesi</source>
        <translation>Session list</translation>
    </message>
    <message>
        <source>Bagikan Sesi…</source>
        <translation>Share Session…</translation>
    </message>
    <message>
        <source>Tulis berkas .kuis-sesi agar laptop lain ikut sesi ini (berisi kunci rahasia)</source>
        <translation>Write a .kuis-sesi file so other laptops can join this session (contains the secret key)</translation>
    </message>
    <message>
        <source>Ikut Sesi…</source>
        <translation>Join Session…</translation>
    </message>
    <message>
        <source>Buat di laptop ini sesi dari berkas .kuis-sesi</source>
        <translation>Create the session from a .kuis-sesi file on this laptop</translation>
    </message>
    <message>
        <source>Pilih sesi di sebelah kiri</source>
        <translation>Choose a session on the left</translation>
    </message>
    <message>
        <source>Ringkasan nilai</source>
        <translation>Score summary</translation>
    </message>
    <message>
        <source>Ringkasan pre-test dan post-test</source>
        <translation>Pre-test and post-test summary</translation>
    </message>
    <message>
        <source>Ekspor CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Excel Indonesia ( ; )</source>
        <translation>Indonesian Excel ( ; )</translation>
    </message>
    <message>
        <source>Internasional ( , )</source>
        <translation>International ( , )</translation>
    </message>
    <message>
        <source>Format CSV</source>
        <translation>CSV format</translation>
    </message>
    <message>
        <source>per jawaban</source>
        <translation>per answer</translation>
    </message>
    <message>
        <source>Satu baris per jawaban, bukan per peserta</source>
        <translation>One row per answer, not per participant</translation>
    </message>
    <message>
        <source>Ekspor XLSX…</source>
        <translation>Export XLSX…</translation>
    </message>
    <message>
        <source>Paket Hasil…</source>
        <translation>Results Package…</translation>
    </message>
    <message>
        <source>Tulis paket .kuis-hasil bertanda tangan untuk digabung di laptop pelatih</source>
        <translation>Write a signed .kuis-hasil package to merge on the trainer&apos;s laptop</translation>
    </message>
    <message>
        <source>Gabungkan Paket…</source>
        <translation>Merge Packages…</translation>
    </message>
    <message>
        <source>Impor paket .kuis-hasil dari laptop lain</source>
        <translation>Import .kuis-hasil packages from other laptops</translation>
    </message>
    <message>
        <source>Cetak PDF</source>
        <translation>Print PDF</translation>
    </message>
    <message>
        <source>Laporan kegiatan, sertifikat, daftar hadir</source>
        <translation>Session report, certificates, attendance list</translation>
    </message>
    <message>
        <source>Laporan kegiatan…</source>
        <translation>Session report…</translation>
    </message>
    <message>
        <source>Sertifikat peserta…</source>
        <translation>Participant certificates…</translation>
    </message>
    <message>
        <source>Daftar hadir…</source>
        <translation>Attendance list…</translation>
    </message>
    <message>
        <source>Daftar ikrar…</source>
        <translation>Pledge list…</translation>
    </message>
    <message>
        <source>Saring nama, NIP, atau unit kerja…</source>
        <translation>Filter by name, NIP or work unit…</translation>
    </message>
    <message>
        <source>Saring peserta</source>
        <translation>Filter participants</translation>
    </message>
    <message>
        <source>Daftar peserta</source>
        <translation>Participant list</translation>
    </message>
    <message>
        <source>Pilih peserta untuk melihat jawabannya</source>
        <translation>Choose a participant to see their answers</translation>
    </message>
    <message>
        <source>Nyatakan tidak sah…</source>
        <translation>Declare invalid…</translation>
    </message>
    <message>
        <source>Tes peserta ini tetap tersimpan beserta alasannya, tetapi tidak dihitung pada nilai rata-rata, N-Gain, dan analisis soal</source>
        <translation>This participant&apos;s test stays stored with the reason, but no longer counts in the mean score, N-Gain and item analysis</translation>
    </message>
    <message>
        <source>Nyatakan tes peserta ini tidak sah</source>
        <translation>Declare this participant&apos;s test invalid</translation>
    </message>
    <message>
        <source>Jawaban peserta</source>
        <translation>Participant&apos;s answers</translation>
    </message>
    <message>
        <source>Peserta</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Analisis soal</source>
        <translation>Question analysis</translation>
    </message>
    <message>
        <source>Rincian soal</source>
        <translation>Question details</translation>
    </message>
    <message>
        <source>Pilih soal untuk melihat sebaran jawabannya</source>
        <translation>Choose a question to see its answer distribution</translation>
    </message>
    <message>
        <source>p = proporsi peserta yang menjawab benar (ditandai bila &gt; 0,9 atau &lt; 0,2). r = korelasi skor soal dengan skor soal lainnya (daya pembeda; negatif berarti peserta yang nilainya tinggi justru lebih sering salah). * = kunci. Soal yang dikerjakan kurang dari 10 peserta tidak ditandai.</source>
        <translation>p = share of participants who answered right (flagged when &gt; 0.9 or &lt; 0.2). r = correlation of the question score with the other questions&apos; score (discrimination; negative means high scorers got it wrong more often). * = key. Questions taken by fewer than 10 participants are not flagged.</translation>
    </message>
    <message>
        <source>Analisis Soal</source>
        <translation>Question Analysis</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Kemajuan</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Belum ada sesi</source>
        <translation>No sessions yet</translation>
    </message>
    <message>
        <source>Hasil tes akan muncul di sini setelah peserta mengerjakan tes.</source>
        <translation>Test results appear here after participants take a test.</translation>
    </message>
    <message>
        <source>Memuat hasil…</source>
        <translation>Loading results…</translation>
    </message>
    <message>
        <source>Hasil tidak dapat dibaca</source>
        <translation>The results cannot be read</translation>
    </message>
    <message>
        <source>Menghitung analisis soal…</source>
        <translation>Computing the item analysis…</translation>
    </message>
    <message>
        <source>Kode {0}</source>
        <translation>Code {0}</translation>
    </message>
    <message>
        <source>Pelatih: {0}</source>
        <translation>Trainer: {0}</translation>
    </message>
    <message>
        <source>{0} selesai</source>
        <translation>{0} finished</translation>
    </message>
    <message>
        <source>{0} belum selesai (tidak diekspor)</source>
        <translation>{0} not finished (not exported)</translation>
    </message>
    <message>
        <source>{0} dinyatakan tidak sah (tidak dihitung)</source>
        <translation>{0} declared invalid (not counted)</translation>
    </message>
    <message>
        <source>rata-rata nilai {0} (terendah {1}, tertinggi {2})</source>
        <translation>average score {0} (lowest {1}, highest {2})</translation>
    </message>
    <message>
        <source>lulus {0} dari {1}</source>
        <translation>{0} of {1} passed</translation>
    </message>
    <message>
        <source>survei: tanpa nilai</source>
        <translation>survey: no scores</translation>
    </message>
    <message>
        <source>Pre-test &apos;{0}&apos;: belum ada peserta yang cocok (menurut NIP).</source>
        <translation>Pre-test &apos;{0}&apos;: no matching participants yet (by NIP).</translation>
    </message>
    <message>
        <source>Pre-test &apos;{0}&apos;: {1} peserta cocok menurut NIP, {2} meningkat.</source>
        <translation>Pre-test &apos;{0}&apos;: {1} participants matched by NIP, {2} improved.</translation>
    </message>
    <message>
        <source>Rata-rata N-Gain {0} (rata-rata nilai {1} → {2}).</source>
        <translation>Average N-Gain {0} (average score {1} → {2}).</translation>
    </message>
    <message>
        <source>{0} soal, {1} perlu diperiksa.</source>
        <translation>{0} questions, {1} need checking.</translation>
    </message>
    <message>
        <source>Reliabilitas KR-20: {0}.</source>
        <translation>KR-20 reliability: {0}.</translation>
    </message>
    <message>
        <source>perlu minimal 2 peserta</source>
        <translation>needs at least 2 participants</translation>
    </message>
    <message>
        <source>perlu minimal 2 soal bernilai</source>
        <translation>needs at least 2 scored questions</translation>
    </message>
    <message>
        <source>peserta mendapat soal yang berbeda-beda</source>
        <translation>participants got different questions</translation>
    </message>
    <message>
        <source>semua peserta mendapat skor sama</source>
        <translation>all participants got the same score</translation>
    </message>
    <message>
        <source>Reliabilitas KR-20 tidak dihitung: {0}.</source>
        <translation>KR-20 reliability not computed: {0}.</translation>
    </message>
    <message>
        <source>{0} dari {1} ditampilkan</source>
        <translation>{0} of {1} shown</translation>
    </message>
    <message>
        <source>Jawaban {0} — nilai {1}</source>
        <translation>Answers of {0} — score {1}</translation>
    </message>
    <message>
        <source>Jawaban {0}</source>
        <translation>Answers of {0}</translation>
    </message>
    <message>
        <source>tidak sah: {0}</source>
        <translation>invalid: {0}</translation>
    </message>
    <message>
        <source>✓ kunci</source>
        <translation>✓ key</translation>
    </message>
    <message>
        <source>tidak dipilih</source>
        <translation>not chosen</translation>
    </message>
    <message>
        <source>Benar</source>
        <translation>Right</translation>
    </message>
    <message>
        <source>Salah</source>
        <translation>Wrong</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <source>Pembahasan</source>
        <translation>Explanations</translation>
    </message>
    <message>
        <source>Daftar pembahasan</source>
        <translation>List of explanations</translation>
    </message>
    <message>
        <source>←  Kembali ke hasil</source>
        <translation>←  Back to the result</translation>
    </message>
    <message>
        <source>Kembali ke hasil</source>
        <translation>Back to the result</translation>
    </message>
    <message>
        <source>Peserta berikutnya</source>
        <translation>Next participant</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Soal {0}</source>
        <translation>Question {0}</translation>
    </message>
    <message>
        <source>Jawaban Anda: {0}</source>
        <translation>Your answer: {0}</translation>
    </message>
    <message>
        <source>(tidak dijawab)</source>
        <translation>(not answered)</translation>
    </message>
    <message>
        <source>Jawaban benar: {0}</source>
        <translation>Right answer: {0}</translation>
    </message>
    <message>
        <source>✓ Benar</source>
        <translation>✓ Right</translation>
    </message>
    <message>
        <source>◐ Sebagian benar</source>
        <translation>◐ Partly right</translation>
    </message>
    <message>
        <source>✗ Salah</source>
        <translation>✗ Wrong</translation>
    </message>
    <message>
        <source>✗ Tidak dijawab</source>
        <translation>✗ Not answered</translation>
    </message>
    <message>
        <source>Pembahasan: {0}</source>
        <translation>Explanation: {0}</translation>
    </message>
    <message>
        <source>Dasar hukum: {0}</source>
        <translation>Legal basis: {0}</translation>
    </message>
</context>
<context>
    <name>SessionListModel</name>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Sesi</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Pre-test</source>
        <translation>Pre-test</translation>
    </message>
    <message>
        <source>Post-test</source>
        <translation>Post-test</translation>
    </message>
    <message>
        <source>Tes</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Survei</source>
        <translation>Survey</translation>
    </message>
    <message>
        <source>Kode {0}</source>
        <translation>Code {0}</translation>
    </message>
    <message>
        <source>Pelatih: {0}</source>
        <translation>Trainer: {0}</translation>
    </message>
    <message>
        <source>{0} selesai, {1} sedang mengerjakan, {2} dibatalkan</source>
        <translation>{0} finished, {1} in progress, {2} abandoned</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Mulai Tes Peserta</source>
        <translation>Start Participant Test</translation>
    </message>
    <message>
        <source>1. Soal yang dikerjakan</source>
        <translation>1. Questions to take</translation>
    </message>
    <message>
        <source>Bank soal dan rencana bawaan</source>
        <translation>Bundled question banks and plans</translation>
    </message>
    <message>
        <source>Rencana</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Bank soal</source>
        <translation>Question bank</translation>
    </message>
    <message>
        <source>{0} — {1}, {2} soal</source>
        <translation>{0} — {1}, {2} questions</translation>
    </message>
    <message>
        <source>Pilih berkas bank/rencana…</source>
        <translation>Choose a bank/plan file…</translation>
    </message>
    <message>
        <source>Pilih berkas bank atau rencana</source>
        <translation>Choose a bank or plan file</translation>
    </message>
    <message>
        <source>Pilih salah satu dari daftar, atau pilih berkas.</source>
        <translation>Pick one from the list, or choose a file.</translation>
    </message>
    <message>
        <source>Status soal</source>
        <translation>Question file status</translation>
    </message>
    <message>
        <source>2. Data sesi</source>
        <translation>2. Session details</translation>
    </message>
    <message>
        <source>Sesi</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Sesi baru, atau sesi yang sudah ada: pilih sesi pelatih yang diikuti laptop ini dari berkas .kuis-sesi, agar hasilnya dapat digabung ke laptop pelatih.</source>
        <translation>A new session, or an existing one: choose the trainer&apos;s session this laptop joined from a .kuis-sesi file, so its results can be merged on the trainer&apos;s laptop.</translation>
    </message>
    <message>
        <source>(sesi baru)</source>
        <translation>(new session)</translation>
    </message>
    <message>
        <source>Judul sesi</source>
        <translation>Session title</translation>
    </message>
    <message>
        <source>Tempat</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Nama pelatih</source>
        <translation>Trainer name</translation>
    </message>
    <message>
        <source>Pretest terkait</source>
        <translation>Linked pretest</translation>
    </message>
    <message>
        <source>Sesi pretest yang dibandingkan dengan sesi ini pada ekspor hasil (Nilai Pretest, Nilai Posttest, N-Gain).</source>
        <translation>The pretest session this session is compared with in the results export (Pretest score, Posttest score, N-Gain).</translation>
    </message>
    <message>
        <source>(tidak ada)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Status pretest terkait</source>
        <translation>Linked pretest status</translation>
    </message>
    <message>
        <source>3. Peserta</source>
        <translation>3. Participants</translation>
    </message>
    <message>
        <source>Pilih daftar peserta (CSV/XLSX)…</source>
        <translation>Choose a participant list (CSV/XLSX)…</translation>
    </message>
    <message>
        <source>Pilih daftar peserta</source>
        <translation>Choose a participant list</translation>
    </message>
    <message>
        <source>Tanpa daftar</source>
        <translation>No list</translation>
    </message>
    <message>
        <source>Tanpa daftar peserta</source>
        <translation>No participant list</translation>
    </message>
    <message>
        <source>Tanpa daftar peserta: setiap NIP yang valid diterima.</source>
        <translation>No participant list: every valid NIP is accepted.</translation>
    </message>
    <message>
        <source>Status daftar peserta</source>
        <translation>Participant list status</translation>
    </message>
    <message>
        <source>Izinkan peserta tamu (tanpa NIP atau tidak ada di daftar)</source>
        <translation>Allow guests (no NIP, or not on the list)</translation>
    </message>
    <message>
        <source>Izinkan peserta tamu</source>
        <translation>Allow guests</translation>
    </message>
    <message>
        <source>Lewat HP</source>
        <translation>On phones</translation>
    </message>
    <message>
        <source>4. Pengamanan</source>
        <translation>4. Safety</translation>
    </message>
    <message>
        <source>PIN pelatih</source>
        <translation>Trainer PIN</translation>
    </message>
    <message>
        <source>4–8 angka, wajib</source>
        <translation>4–8 digits, required</translation>
    </message>
    <message>
        <source>Mode kios: layar penuh, keluar hanya dengan PIN</source>
        <translation>Kiosk mode: full screen, exit only with the PIN</translation>
    </message>
    <message>
        <source>Mode kios</source>
        <translation>Kiosk mode</translation>
    </message>
    <message>
        <source>Pesan</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Mulai</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Mulai tes peserta</source>
        <translation>Start the participant test</translation>
    </message>
    <message>
        <source>Pilih bank soal atau rencana sesi</source>
        <translation>Choose a question bank or session plan</translation>
    </message>
    <message>
        <source>Bank soal atau rencana (*.yaml *.yml)</source>
        <translation>Question bank or plan (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Memuat {0}…</source>
        <translation>Loading {0}…</translation>
    </message>
    <message>
        <source>Siap: {0} — {1} soal</source>
        <translation>Ready: {0} — {1} questions</translation>
    </message>
    <message>
        <source>, waktu tes {0} menit</source>
        <translation>, test time {0} minutes</translation>
    </message>
    <message>
        <source>{0} tidak dapat dipakai: {1} masalah.</source>
        <translation>{0} cannot be used: {1} problems.</translation>
    </message>
    <message>
        <source>Berkas soal bermasalah</source>
        <translation>Problems in the question file</translation>
    </message>
    <message>
        <source>{0} tidak dapat dipakai. Perbaiki masalah berikut lalu pilih lagi.</source>
        <translation>{0} cannot be used. Fix the problems below and choose it again.</translation>
    </message>
    <message>
        <source>Sesi {0} memakai bank soal {1}: {2} Pilih rencana atau bank soal yang sama dengan di laptop pelatih.</source>
        <translation>Session {0} uses question bank {1}: {2} Choose the same plan or question bank as on the trainer&apos;s laptop.</translation>
    </message>
    <message>
        <source>Memuat daftar sesi pretest…</source>
        <translation>Loading the pretest sessions…</translation>
    </message>
    <message>
        <source>{0} — {1} — {2} ({3})</source>
        <translation>{0} — {1} — {2} ({3})</translation>
    </message>
    <message>
        <source>{0} — {1} ({2})</source>
        <translation>{0} — {1} ({2})</translation>
    </message>
    <message>
        <source>Belum ada sesi pretest di basis data hasil.</source>
        <translation>No pretest sessions in the results database yet.</translation>
    </message>
    <message>
        <source>Daftar sesi pretest tidak dapat dibaca: {0}</source>
        <translation>The pretest sessions cannot be read: {0}</translation>
    </message>
    <message>
        <source>Lewat HP (hadir, ikrar, tes)</source>
        <translation>On phones (attendance, pledge, test)</translation>
    </message>
    <message>
        <source>Peserta memakai HP masing-masing lewat Wi-Fi aula untuk daftar hadir, ikrar dan tes.</source>
        <translation>Participants use their own phones over the hall Wi-Fi for attendance, the pledge and the test.</translation>
    </message>
    <message>
        <source>Judul, tempat, tanggal dan rencana mengikuti sesi {0}; pilih rencana atau bank soal yang sama dengan di laptop pelatih.</source>
        <translation>Title, place, date and plan follow session {0}; choose the same plan or question bank as on the trainer&apos;s laptop.</translation>
    </message>
    <message>
        <source>{0} sesi pretest tersedia; tidak ada yang ditautkan.</source>
        <translation>{0} pretest session(s) available; none linked.</translation>
    </message>
    <message>
        <source>Ditautkan ke: {0}</source>
        <translation>Linked to: {0}</translation>
    </message>
    <message>
        <source>Daftar peserta (*.csv *.xlsx *.xlsm *.txt *.tsv)</source>
        <translation>Participant list (*.csv *.xlsx *.xlsm *.txt *.tsv)</translation>
    </message>
    <message>
        <source>{0}: {1} peserta</source>
        <translation>{0}: {1} participants</translation>
    </message>
    <message>
        <source>; {0} baris ditolak, {1} peringatan</source>
        <translation>; {0} rows rejected, {1} warnings</translation>
    </message>
    <message>
        <source>Daftar peserta</source>
        <translation>Participant list</translation>
    </message>
    <message>
        <source>{0} baris daftar peserta ditolak; peserta itu tidak dapat masuk dengan NIP-nya kecuali peserta tamu diizinkan.</source>
        <translation>{0} rows of the participant list were rejected; those people cannot sign in with their NIP unless guests are allowed.</translation>
    </message>
    <message>
        <source>{0} tidak dapat dibaca.</source>
        <translation>{0} cannot be read.</translation>
    </message>
    <message>
        <source>Daftar peserta tidak dapat dibaca.</source>
        <translation>The participant list cannot be read.</translation>
    </message>
    <message>
        <source>Pilih bank soal atau rencana yang valid (tunggu sampai selesai dimuat).</source>
        <translation>Choose a valid question bank or plan (wait until it has loaded).</translation>
    </message>
    <message>
        <source>Isi judul sesi.</source>
        <translation>Type a session title.</translation>
    </message>
    <message>
        <source>Isi PIN pelatih 4–8 angka.</source>
        <translation>Type a trainer PIN of 4–8 digits.</translation>
    </message>
    <message>
        <source>Tunggu daftar peserta selesai dimuat.</source>
        <translation>Wait until the participant list has loaded.</translation>
    </message>
</context>
<context>
    <name>TrainerConsole</name>
    <message>
        <source>Kuis ASN — konsol pelatih: {0}</source>
        <translation>Kuis ASN — trainer console: {0}</translation>
    </message>
    <message>
        <source>Layar peserta (F5)</source>
        <translation>Audience screen (F5)</translation>
    </message>
    <message>
        <source>Tukar layar</source>
        <translation>Swap screens</translation>
    </message>
    <message>
        <source>Soal sekarang</source>
        <translation>Current question</translation>
    </message>
    <message>
        <source>Soal berikutnya</source>
        <translation>Next question</translation>
    </message>
    <message>
        <source>Presentasi selesai</source>
        <translation>Presentation finished</translation>
    </message>
    <message>
        <source>Lihat hasil tes…</source>
        <translation>View test results…</translation>
    </message>
    <message>
        <source>Buka jendela Hasil Tes pada sesi ini: jawaban setiap tim, analisis soal, ekspor.</source>
        <translation>Open the Test Results window on this session: each team&apos;s answers, item analysis, export.</translation>
    </message>
    <message>
        <source>Jawaban tim</source>
        <translation>Team answers</translation>
    </message>
    <message>
        <source>Ketik nomor tim lalu hurufnya: 7 B (tanpa Enter). Huruf lagi = koreksi tim yang sama. Nomor + Delete = hapus.</source>
        <translation>Type the team number, then its letter: 7 B (no Enter). Another letter = correct the same team. Number + Delete = remove.</translation>
    </message>
    <message>
        <source>Mode diskusi: jawaban tidak dikumpulkan. Tampilkan soal, jalankan waktu, tampilkan jawaban, lalu bahas.</source>
        <translation>Discussion mode: answers are not collected. Show the question, run the timer, reveal the answer, then discuss.</translation>
    </message>
    <message>
        <source>Mulai / Jeda / Lanjut [Spasi]</source>
        <translation>Start / Pause / Resume [Space]</translation>
    </message>
    <message>
        <source>+10 detik [+]</source>
        <translation>+10 seconds [+]</translation>
    </message>
    <message>
        <source>Tampilkan jawaban [Enter]</source>
        <translation>Reveal the answer [Enter]</translation>
    </message>
    <message>
        <source>Berikutnya [PgDn]</source>
        <translation>Next [PgDn]</translation>
    </message>
    <message>
        <source>Lewati soal [Ctrl+L]</source>
        <translation>Skip question [Ctrl+L]</translation>
    </message>
    <message>
        <source>Akhiri [Ctrl+E]</source>
        <translation>End [Ctrl+E]</translation>
    </message>
    <message>
        <source>Peringkat di antara soal [Ctrl+P]</source>
        <translation>Ranking between questions [Ctrl+P]</translation>
    </message>
    <message>
        <source>Suara [Ctrl+M]</source>
        <translation>Sound [Ctrl+M]</translation>
    </message>
    <message>
        <source>Bunyi lembut saat waktu habis dan detak halus pada 5 detik terakhir.</source>
        <translation>A soft chime when time is up and a gentle tick in the last 5 seconds.</translation>
    </message>
    <message>
        <source>Suara tidak tersedia di komputer ini: pasang paket tambahan dengan pip install &quot;kuis-asn[sound]&quot; (QtMultimedia).</source>
        <translation>Sound is not available on this computer: install the extra with pip install &quot;kuis-asn[sound]&quot; (QtMultimedia).</translation>
    </message>
    <message>
        <source>Tutup presentasi</source>
        <translation>Close the presentation</translation>
    </message>
    <message>
        <source>Tutup presentasi sekarang? Jawaban yang sudah masuk tersimpan, dan presentasi dapat dilanjutkan nanti dari soal ini.</source>
        <translation>Close the presentation now? Answers received are saved, and the presentation can be resumed later from this question.</translation>
    </message>
    <message>
        <source>Tim {0} {1} → huruf?</source>
        <translation>Team {0} {1} → letter?</translation>
    </message>
    <message>
        <source>Nomor tim …</source>
        <translation>Team number …</translation>
    </message>
    <message>
        <source>Kunci: {0}</source>
        <translation>Key: {0}</translation>
    </message>
    <message>
        <source>Jajak pendapat (tanpa kunci)</source>
        <translation>Poll (no key)</translation>
    </message>
    <message>
        <source>Siap — soal belum dimulai</source>
        <translation>Ready — the question has not started</translation>
    </message>
    <message>
        <source>Waktu berjalan</source>
        <translation>Time running</translation>
    </message>
    <message>
        <source>Jeda</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>Waktu habis</source>
        <translation>Time is up</translation>
    </message>
    <message>
        <source>Jawaban ditampilkan</source>
        <translation>Answer revealed</translation>
    </message>
    <message>
        <source>Peringkat sementara ditampilkan</source>
        <translation>Current ranking shown</translation>
    </message>
    <message>
        <source>Selesai — peringkat akhir ditampilkan</source>
        <translation>Finished — final ranking shown</translation>
    </message>
    <message>
        <source>Soal sekarang: {0} dari {1} · {2}</source>
        <translation>Current question: {0} of {1} · {2}</translation>
    </message>
    <message>
        <source>Penjelasan: {0}</source>
        <translation>Explanation: {0}</translation>
    </message>
    <message>
        <source>Penjelasan: (tidak ada di bank soal)</source>
        <translation>Explanation: (none in the question bank)</translation>
    </message>
    <message>
        <source>Dasar hukum: {0}</source>
        <translation>Legal basis: {0}</translation>
    </message>
    <message>
        <source>(Ini soal terakhir.)</source>
        <translation>(This is the last question.)</translation>
    </message>
    <message>
        <source>{0} soal telah dibahas.</source>
        <translation>{0} questions discussed.</translation>
    </message>
    <message>
        <source>Tidak ada soal yang dinilai.</source>
        <translation>No question was scored.</translation>
    </message>
    <message>
        <source>{0}. {1} — {2} poin, {3} benar</source>
        <translation>{0}. {1} — {2} points, {3} correct</translation>
    </message>
    <message>
        <source>{0} dtk</source>
        <translation>{0} s</translation>
    </message>
    <message>
        <source> · teratas: {0} ({1})</source>
        <translation> · leading: {0} ({1})</translation>
    </message>
    <message>
        <source>{0} dari {1} tim sudah menjawab{2}</source>
        <translation>{0} of {1} teams have answered{2}</translation>
    </message>
    <message>
        <source>Semua tim sudah menjawab — tekan Enter untuk menampilkan jawaban.</source>
        <translation>All teams have answered — press Enter to reveal the answer.</translation>
    </message>
    <message>
        <source>Teks soal ini terlalu panjang: di layar peserta hurufnya lebih kecil dari ukuran minimum yang terbaca dari belakang aula. Pertimbangkan memperpendek soalnya.</source>
        <translation>This question text is too long: on the audience screen its letters are smaller than the minimum readable from the back of the hall. Consider shortening the question.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Kesalahan</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Terjadi kesalahan tak terduga. Jawaban yang sudah tersimpan tetap aman.</source>
        <translation>An unexpected error occurred. Answers already saved are safe.</translation>
    </message>
</context>
<context>
    <name>c</name>
    <message>
        <source>Layar peserta: {0} ({1}×{2}). Konsol ini tidak tampil di proyektor.</source>
        <translation>Audience screen: {0} ({1}×{2}). This console is not shown on the projector.</translation>
    </message>
    <message>
        <source>Satu layar: F5 menampilkan/menyembunyikan layar peserta. Jika proyektor mencerminkan layar laptop, peserta melihat konsol ini (dengan kunci jawaban) saat layar peserta disembunyikan.</source>
        <translation>One screen: F5 shows/hides the audience screen. If the projector mirrors the laptop screen, the audience sees this console (with the answer key) while the audience screen is hidden.</translation>
    </message>
</context>
<context>
    <name>console</name>
    <message>
        <source>Tim {0} jawab {1}</source>
        <translation>Team {0} answers {1}</translation>
    </message>
    <message>
        <source>Peserta menjawab lewat HP: jumlah yang sudah menjawab ada di panel HP peserta di atas dan di layar peserta.</source>
        <translation>Participants answer on their phones: how many have answered is shown in the phones panel above and on the audience screen.</translation>
    </message>
</context>
<context>
    <name>controller</name>
    <message>
        <source>Gagal menyimpan jawaban HP: {0}</source>
        <translation>Phone answer not saved: {0}</translation>
    </message>
</context>
</TS>
