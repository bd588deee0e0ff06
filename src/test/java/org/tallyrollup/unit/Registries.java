package org.tallyrollup.unit;

import java.util.ArrayList;
import java.util.List;

/** Builds registries for tests: each unit as "code,name,parent[,reports]". */
public final class Registries {

	private Registries() {
	}

	public static UnitRegistry of(String... units) {
		List<Unit> list = new ArrayList<>();
		for (int i = 0; i < units.length; i++) {
			String[] parts = units[i].split(",", -1);
			String parent = (parts.length > 2 && !parts[2].isEmpty()) ? parts[2] : null;
			Boolean reports = (parts.length > 3 && !parts[3].isEmpty()) ? Boolean.valueOf(parts[3]) : null;
			list.add(new Unit(parts[0], parts[1], parent, "", reports, i + 2));
		}
		return UnitRegistry.of("units.csv", list, List.of());
	}

}
