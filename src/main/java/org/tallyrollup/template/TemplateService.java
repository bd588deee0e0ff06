package org.tallyrollup.template;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import org.tallyrollup.system.TallyProperties;
import org.tallyrollup.tally.PeriodFolders;
import org.tallyrollup.unit.InvalidRegistryException;
import org.tallyrollup.unit.RegistryLoader;
import org.tallyrollup.unit.Unit;
import org.tallyrollup.unit.UnitRegistry;

/**
 * Blank 填报模板 for the units that report under a unit: the unit itself if it must report,
 * and every unit of its subtree that must report, by the registry of the input folder.
 * For a download, {@link #content(String, String)} then {@link #fileName} and
 * {@link #write}; for a file, {@link #save}.
 */
@Service
public class TemplateService {

	/** Where templates go under the output folder. */
	public static final String FOLDER = "templates";

	private final TallyProperties properties;

	TemplateService(TallyProperties properties) {
		this.properties = properties;
	}

	/** The period a template is for when none is given: the latest period folder. */
	public Optional<String> defaultPeriod() {
		return PeriodFolders.latest(Path.of(this.properties.inputDir()));
	}

	/**
	 * The template for {@code unitCode}, with the six categories, from the configured
	 * input folder.
	 * @param period the period label, {@code null} for the latest period folder
	 * @throws TemplateRefusedException if the unit or the period will not do
	 * @throws InvalidRegistryException if the registry is missing or invalid
	 */
	public TemplateContent content(String unitCode, String period) {
		return content(Path.of(this.properties.inputDir()), unitCode, period, true);
	}

	/**
	 * The template for {@code unitCode}.
	 * @param inputDir the folder holding the registry and the period folders
	 * @param period the period label, {@code null} for the latest period folder
	 * @param categories whether to show the six category columns
	 * @throws TemplateRefusedException if the unit or the period will not do
	 * @throws InvalidRegistryException if the registry is missing or invalid
	 */
	public TemplateContent content(Path inputDir, String unitCode, String period, boolean categories) {
		String label = period;
		if (label == null) {
			label = PeriodFolders.latest(inputDir)
				.orElseThrow(() -> new TemplateRefusedException(
						"输入文件夹 " + inputDir + " 中没有报告期文件夹，请指定报告期（如 --period 2023-12）"));
		}
		if (!PeriodFolders.isValidLabel(label)) {
			throw new TemplateRefusedException("报告期“" + label + "”无效：只能由字母、数字和“-”组成");
		}
		UnitRegistry registry = RegistryLoader.load(inputDir).registry();
		String code = (unitCode != null) ? unitCode.trim() : "";
		int index = registry.indexOf(code);
		if (index < 0) {
			throw new TemplateRefusedException("单位编码“" + code + "”不在单位名册中");
		}
		List<TemplateUnit> units = reporting(registry, index);
		Unit unit = registry.unit(index);
		if (units.isEmpty()) {
			throw new TemplateRefusedException(unit.name() + "（" + code + "）及其下级单位中没有需报送的单位，无需填报模板");
		}
		return new TemplateContent(code, unit.name(), label, units, categories);
	}

	/**
	 * The unit and its subtree (contiguous in hierarchy order), those that must report.
	 */
	private static List<TemplateUnit> reporting(UnitRegistry registry, int top) {
		int[] order = registry.hierarchyOrder();
		int start = 0;
		while (order[start] != top) {
			start++;
		}
		int level = registry.level(top);
		List<TemplateUnit> units = new ArrayList<>();
		for (int i = start; i < order.length && (i == start || registry.level(order[i]) > level); i++) {
			int unit = order[i];
			if (registry.mustReport(unit)) {
				units.add(new TemplateUnit(registry.unit(unit).code(), registry.unit(unit).name(),
						registry.level(unit) - level));
			}
		}
		return units;
	}

	/**
	 * {@code <CODE>_<period>_填报模板.xlsx}, with characters a file name cannot hold
	 * replaced.
	 */
	public String fileName(TemplateContent content) {
		return (content.unitCode() + "_" + content.period() + "_填报模板.xlsx").replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]",
				"_");
	}

	/** Writes the template (an .xlsx) to a stream, e.g. a download; leaves it open. */
	public void write(TemplateContent content, OutputStream out) {
		try {
			TemplateWriter.write(content, new Unclosed(out));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Writes the template to {@code <outputDir>/templates/<file name>}, replacing a
	 * previous one only once the new one is complete.
	 * @return the file written
	 */
	public Path save(TemplateContent content, Path outputDir) {
		Path folder = outputDir.resolve(FOLDER).toAbsolutePath();
		Path target = folder.resolve(fileName(content));
		Path temporary = folder.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
		try {
			Files.createDirectories(folder);
			try (OutputStream out = Files.newOutputStream(temporary)) {
				TemplateWriter.write(content, out);
			}
			try {
				Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
			}
			return target;
		}
		catch (IOException ex) {
			try {
				Files.deleteIfExists(temporary);
			}
			catch (IOException suppressed) {
				ex.addSuppressed(suppressed);
			}
			throw new UncheckedIOException("无法写出填报模板 " + target + "：" + ex.getMessage(), ex);
		}
	}

	/** POI closes the stream it writes to; a caller's stream (a response) stays open. */
	private static final class Unclosed extends FilterOutputStream {

		Unclosed(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			this.out.write(bytes, offset, length);
		}

		@Override
		public void close() throws IOException {
			flush();
		}

	}

}
