package cn.zhibu.generator;

/** Fills a county with grassroots units of the kinds its {@link CountyKind} favours until its members are placed. */
final class GrassrootsUnits {

    private final CountyBuilder county;
    private final LocalityUnits localities;
    private final InstitutionUnits institutions;
    private final EconomyUnits economy;

    GrassrootsUnits(CountyBuilder county) {
        this.county = county;
        this.localities = new LocalityUnits(county);
        this.institutions = new InstitutionUnits(county);
        this.economy = new EconomyUnits(county);
    }

    void fill() {
        while (county.budgetLeft()) {
            switch (county.kind.units().pick(county.random)) {
                case TOWN -> localities.town();
                case STREET -> localities.street();
                case GOVERNMENT -> institutions.department();
                case SCHOOL -> institutions.school();
                case COLLEGE -> institutions.college();
                case HOSPITAL -> institutions.hospital();
                case RESEARCH -> institutions.institute();
                case STATE_ENTERPRISE -> economy.stateEnterprise();
                case PRIVATE_ENTERPRISE -> economy.privateEnterprise();
                case SOCIAL_SECTOR -> economy.sector();
            }
        }
    }
}
