/** Given names and family names common in Bengkulu and Banten, for demo rosters. */
export const namesL = [
  "Ahmad", "Budi", "Agus", "Andi", "Dedi", "Hendra", "Rizki", "Fajar", "Dimas", "Yusuf", "Arif", "Eko", "Joko", "Bambang",
  "Rahmat", "Irfan", "Hadi", "Wahyu", "Teguh", "Imam", "Fauzi", "Ridwan", "Zulkifli", "Syahrul", "Darmawan", "Nanda", "Rudi",
  "Hasan", "Ilham", "Yoga", "Reza", "Bayu", "Gilang", "Taufik", "Firman", "Aldi", "Hendri", "Jefri", "Novri", "Edo",
];
export const namesP = [
  "Siti", "Sri", "Dewi", "Rina", "Nur", "Lestari", "Fitri", "Wulan", "Ayu", "Yuni", "Ratna", "Indah", "Putri", "Mega", "Nurul",
  "Eka", "Dian", "Novi", "Rahmawati", "Yulia", "Desi", "Sari", "Intan", "Winda", "Rini", "Maya", "Lina", "Wati", "Fatimah",
  "Aisyah", "Elvi", "Resti", "Yesi", "Meri", "Leni", "Vivi", "Herlina", "Sulastri", "Yosi", "Dwi",
];
export const familyNames = [
  "Pratama", "Saputra", "Wijaya", "Santoso", "Hidayat", "Kurniawan", "Setiawan", "Rahayu", "Handayani", "Susanti", "Wahyuni",
  "Syahputra", "Siregar", "Nasution", "Harahap", "Lubis", "Anggraini", "Permata", "Maharani", "Febriani", "Oktaviani", "Marlina",
  "Yanti", "Hasibuan", "Effendi", "Suryani", "Gusnadi", "Fitriani", "Irawan", "Ramadhan", "Hartono", "Rosmawati", "Novitasari",
  "Sulaiman", "Zainal", "Mulyadi", "Amelia", "Purnama", "Safitri", "Putra",
];
