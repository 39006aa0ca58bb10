package cn.zhibu.generator;

import java.util.random.RandomGenerator;

/** Makes the people of one chunk: demographics first, then a name of their generation and matching numbers. */
final class PersonFactory {

    private final Demographics demographics;
    private final IdNumbers idNumbers;
    private final PhoneNumbers phones;
    private final RandomGenerator random;

    PersonFactory(Demographics demographics, IdNumbers idNumbers, PhoneNumbers phones, RandomGenerator random) {
        this.demographics = demographics;
        this.idNumbers = idNumbers;
        this.phones = phones;
        this.random = random;
    }

    void make(GeneratedMember m, long id, Workforce workforce) {
        m.id = id;
        demographics.fill(m, workforce, random);
        m.name = PersonNames.next(m.gender, m.birthDate.getYear(), random);
        String idNumber = idNumbers.next(m.birthDate, m.gender, random);
        while (idNumber == null) {
            // every code of the day taken in this chunk: born a day earlier keeps all other dates valid
            m.birthDate = m.birthDate.minusDays(1);
            idNumber = idNumbers.next(m.birthDate, m.gender, random);
        }
        m.idNumber = idNumber;
        m.phone = phones.of(id);
    }
}
