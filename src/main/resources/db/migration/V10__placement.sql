-- The registry of child protection institutions that placement reserves beds in
-- (R-PLACEMENT-ORDER: an institution is the last resort; R-SPECIALISED-SHELTER: capacity, sex, age
-- and specialisation are checked; R-GIRL-FEMALE-CARE: a girl goes only where female staff care).
-- A bed is taken with "update ... set occupied = occupied + 1 where id = ? and occupied < capacity"
-- and the check below keeps every count within 0..capacity whatever the callers do.
create table institution (
    id                               varchar(40)  not null primary key,
    name                             varchar(200) not null,
    province                         varchar(8)   not null,
    district                         varchar(64)  not null,
    capacity                         integer      not null,
    occupied                         integer      default 0 not null,
    accepts_girls                    boolean      not null,
    accepts_boys                     boolean      not null,
    min_age                          integer      not null,
    max_age                          integer      not null,
    female_staffed                   boolean      not null,
    specialised_sexual_exploitation  boolean      not null,
    constraint institution_beds check (capacity >= 0 and occupied >= 0 and occupied <= capacity),
    constraint institution_ages check (min_age >= 0 and min_age <= max_age)
);
create index institution_area on institution (province, district);

-- The institutions a new installation starts with; administrators keep capacities up to date.
-- Punjab (Punjab Destitute and Neglected Children Act 2004: Child Protection and Welfare Bureau).
insert into institution (id, name, province, district, capacity, occupied, accepts_girls,
    accepts_boys, min_age, max_age, female_staffed, specialised_sexual_exploitation) values
('PB-LAHORE-CPI', 'Child Protection Institution Lahore', 'PB', 'Lahore', 40, 0, true, true, 0, 17, true, false),
('PB-LAHORE-DARULAMAN', 'Dar-ul-Aman Lahore', 'PB', 'Lahore', 30, 0, true, false, 10, 17, true, true),
('PB-LAHORE-KASHANA', 'Kashana Lahore', 'PB', 'Lahore', 50, 0, true, false, 4, 17, true, false),
('PB-LAHORE-BOYS-SCU', 'Specialised Care Unit for Boys, Child Protection Bureau Lahore', 'PB', 'Lahore', 15, 0, false, true, 6, 17, false, true),
('PB-FAISALABAD-CPI', 'Child Protection Institution Faisalabad', 'PB', 'Faisalabad', 30, 0, true, true, 0, 17, true, false),
('PB-MULTAN-CPI', 'Child Protection Institution Multan', 'PB', 'Multan', 30, 0, true, true, 0, 17, true, false),
('PB-MULTAN-DARULAMAN', 'Dar-ul-Aman Multan', 'PB', 'Multan', 20, 0, true, false, 12, 17, true, true),
('PB-RAWALPINDI-CPI', 'Child Protection Institution Rawalpindi', 'PB', 'Rawalpindi', 30, 0, true, true, 0, 17, true, false),
('PB-GUJRANWALA-CPI', 'Child Protection Institution Gujranwala', 'PB', 'Gujranwala', 25, 0, true, true, 0, 17, true, false),
('PB-BAHAWALPUR-CPI', 'Child Protection Institution Bahawalpur', 'PB', 'Bahawalpur', 25, 0, true, true, 0, 17, true, false);

-- Sindh (Sindh Child Protection Authority Act 2011).
insert into institution (id, name, province, district, capacity, occupied, accepts_girls,
    accepts_boys, min_age, max_age, female_staffed, specialised_sexual_exploitation) values
('SD-KARACHI-SOUTH-SHELTER', 'Government Child Shelter Home Karachi', 'SD', 'Karachi South', 40, 0, true, true, 0, 17, true, false),
('SD-KARACHI-SOUTH-DARULAMAN', 'Dar-ul-Aman Karachi', 'SD', 'Karachi South', 30, 0, true, false, 10, 17, true, true),
('SD-KARACHI-EAST-BOYS', 'Boys'' Rehabilitation Centre Karachi', 'SD', 'Karachi East', 25, 0, false, true, 6, 17, false, true),
('SD-HYDERABAD-CPI', 'Child Protection Institution Hyderabad', 'SD', 'Hyderabad', 25, 0, true, true, 0, 17, true, false),
('SD-SUKKUR-CPI', 'Child Protection Institution Sukkur', 'SD', 'Sukkur', 20, 0, true, true, 0, 17, true, false);

-- Khyber Pakhtunkhwa (KP Child Protection and Welfare Act 2010).
insert into institution (id, name, province, district, capacity, occupied, accepts_girls,
    accepts_boys, min_age, max_age, female_staffed, specialised_sexual_exploitation) values
('KP-PESHAWAR-ZAMUNGKOR', 'Zamung Kor Peshawar', 'KP', 'Peshawar', 100, 0, false, true, 6, 17, false, false),
('KP-PESHAWAR-DARULAMAN', 'Dar-ul-Aman Peshawar', 'KP', 'Peshawar', 25, 0, true, false, 10, 17, true, true),
('KP-ABBOTTABAD-CPI', 'Child Protection Institution Abbottabad', 'KP', 'Abbottabad', 20, 0, true, true, 0, 17, true, false),
('KP-SWAT-CPI', 'Child Protection Institution Swat', 'KP', 'Swat', 20, 0, true, true, 0, 17, true, false);

-- Balochistan (Balochistan Child Protection Act 2016).
insert into institution (id, name, province, district, capacity, occupied, accepts_girls,
    accepts_boys, min_age, max_age, female_staffed, specialised_sexual_exploitation) values
('BA-QUETTA-CPI', 'Child Protection Institution Quetta', 'BA', 'Quetta', 25, 0, true, true, 0, 17, true, false),
('BA-QUETTA-DARULAMAN', 'Dar-ul-Aman Quetta', 'BA', 'Quetta', 20, 0, true, false, 10, 17, true, true);

-- Islamabad Capital Territory (ICT Child Protection Act 2018).
insert into institution (id, name, province, district, capacity, occupied, accepts_girls,
    accepts_boys, min_age, max_age, female_staffed, specialised_sexual_exploitation) values
('ICT-ISLAMABAD-CPI', 'Child Protection Institute Islamabad', 'ICT', 'Islamabad', 30, 0, true, true, 0, 17, true, true),
('ICT-ISLAMABAD-DARULAMAN', 'Dar-ul-Aman Islamabad', 'ICT', 'Islamabad', 20, 0, true, false, 10, 17, true, true);

-- Gilgit-Baltistan and Azad Jammu and Kashmir: no statute enacted and no specialised shelter yet
-- (003 endnote 70; 000 para 30(d)): a child who needs one is placed by the supervisor.
insert into institution (id, name, province, district, capacity, occupied, accepts_girls,
    accepts_boys, min_age, max_age, female_staffed, specialised_sexual_exploitation) values
('GB-GILGIT-CPC', 'Child Protection Centre Gilgit', 'GB', 'Gilgit', 15, 0, true, true, 0, 17, true, false),
('AJK-MUZAFFARABAD-CPC', 'Child Protection Centre Muzaffarabad', 'AJK', 'Muzaffarabad', 15, 0, true, true, 0, 17, true, false);
