package org.tallyrollup.tally.check;

import org.tallyrollup.unit.UnitRegistry;

/** What the row rules check against: the registry and the run's period. */
record CheckContext(UnitRegistry registry, String period) {

}
