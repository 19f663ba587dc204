package org.pomegranate.dataimport.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.jspecify.annotations.Nullable;
import org.pomegranate.dataimport.engine.ParsedSheet.Cell;
import org.pomegranate.dataimport.engine.ParsedSheet.Notice;
import org.pomegranate.dataimport.engine.ParsedSheet.SheetRow;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an uploaded sheet a row at a time, never building the workbook in memory: .xlsx through
 * POI's SAX event API (the first visible sheet; hidden rows and sheets left out and said so;
 * formulas by the value Excel last computed, never evaluated here; POI's zip-bomb limits and a
 * parser that refuses DOCTYPEs, so no entity expansion), .csv decoded by its BOM, else strict
 * UTF-8, else GB18030, with the delimiter sniffed from its first line. .xls and macro workbooks
 * are refused before anything is read.
 */
public final class SheetReader {

	/** Where the template keeps its version: A1 of the hidden sheet of this name. */
	public static final String DICTIONARY_SHEET = "字典";

	/** More data rows than this is not a county's ledger; refused rather than read on. */
	public static final int MAX_ROWS = 200_000;

	private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 };

	private static final Pattern MACRO_PART = Pattern.compile("/xl/vbaProject\\.bin", Pattern.CASE_INSENSITIVE);

	static {
		// An entry that inflates more than 100 times, or past 100 MB, is a zip bomb, not a ledger.
		ZipSecureFile.setMinInflateRatio(0.01);
		ZipSecureFile.setMaxEntrySize(100L * 1024 * 1024);
	}

	private SheetReader() {
	}

	public static ParsedSheet read(Path file, String declaredName) {
		var name = declaredName.toLowerCase(Locale.ROOT);
		byte[] head = firstBytes(file);
		if (name.endsWith(".xlsm") || name.endsWith(".xltm")) {
			throw new ImportRefusedException("import.error.macros");
		}
		if (startsWith(head, OLE2) || name.endsWith(".xls")) {
			throw new ImportRefusedException("import.error.xls");
		}
		if (head.length >= 2 && head[0] == 'P' && head[1] == 'K') {
			return readXlsx(file);
		}
		if (name.endsWith(".csv") || name.endsWith(".txt")) {
			return readCsv(file);
		}
		throw new ImportRefusedException("import.error.type");
	}

	private static ParsedSheet readXlsx(Path file) {
		try (var pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
			if (!pkg.getPartsByName(MACRO_PART).isEmpty()
					|| !pkg.getPartsByContentType(XSSFRelation.MACROS_WORKBOOK.getContentType()).isEmpty()) {
				throw new ImportRefusedException("import.error.macros");
			}
			var reader = new XSSFReader(pkg);
			var strings = new ReadOnlySharedStringsTable(pkg, false);
			var sheets = sheetStates(reader);
			var notices = new ArrayList<Notice>();
			@Nullable String version = null;
			@Nullable ParsedSheet data = null;
			var iterator = (XSSFReader.SheetIterator) reader.getSheetsData();
			int index = 0;
			while (iterator.hasNext()) {
				try (InputStream stream = iterator.next()) {
					var sheetName = iterator.getSheetName();
					boolean hidden = index < sheets.size() && sheets.get(index);
					index++;
					if (hidden && DICTIONARY_SHEET.equals(sheetName)) {
						var dictionary = parseSheet(stream, strings, sheetName, 1);
						version = dictionary.header().isEmpty() ? null : dictionary.header().get(0);
					}
					else if (hidden) {
						notices.add(new Notice("import.notice.hiddenSheet", sheetName));
					}
					else if (data == null) {
						data = parseSheet(stream, strings, sheetName, MAX_ROWS + 1);
					}
					else if (!"填写说明".equals(sheetName)) {
						notices.add(new Notice("import.notice.otherSheet", sheetName));
					}
				}
			}
			if (data == null) {
				throw new ImportRefusedException("import.error.empty");
			}
			notices.addAll(0, data.notices());
			return new ParsedSheet(data.sheetName(), data.header(), data.rows(), notices, version, data.mergedCells());
		}
		catch (ImportRefusedException ex) {
			throw ex;
		}
		catch (SAXException ex) {
			throw new ImportRefusedException("import.error.xml");
		}
		catch (Exception ex) {
			// POI reports a zip bomb, a broken package and a missing part alike: none is a readable sheet.
			throw new ImportRefusedException("import.error.broken");
		}
	}

	/** Whether each sheet, in workbook order, is hidden (or very hidden). */
	private static List<Boolean> sheetStates(XSSFReader reader) throws Exception {
		var states = new ArrayList<Boolean>();
		try (var workbook = reader.getWorkbookData()) {
			var parser = XMLHelper.newXMLReader();
			parser.setContentHandler(new DefaultHandler() {
				@Override
				public void startElement(String uri, String localName, String qName, Attributes attributes) {
					if ("sheet".equals(localName)) {
						var state = attributes.getValue("state");
						states.add(state != null && !"visible".equals(state));
					}
				}
			});
			parser.parse(new InputSource(workbook));
		}
		return states;
	}

	private static ParsedSheet parseSheet(InputStream stream, ReadOnlySharedStringsTable strings, String sheetName,
			int maxRows) throws Exception {
		var handler = new SheetHandler(strings, maxRows);
		var parser = XMLHelper.newXMLReader();
		parser.setContentHandler(handler);
		try {
			parser.parse(new InputSource(stream));
		}
		catch (StopReading stop) {
			if (maxRows > 1) {
				throw new ImportRefusedException("import.error.tooManyRows", MAX_ROWS);
			}
		}
		var notices = new ArrayList<Notice>();
		if (handler.hiddenRows > 0) {
			notices.add(new Notice("import.notice.hiddenRows", handler.hiddenRows));
		}
		if (handler.formulas > 0) {
			notices.add(new Notice("import.notice.formulas", handler.formulas));
		}
		var merged = new HashSet<Cell>();
		for (var range : handler.merges) {
			if (range.getNumberOfCells() > 1) {
				for (int r = range.getFirstRow(); r <= range.getLastRow(); r++) {
					for (int c = range.getFirstColumn(); c <= range.getLastColumn(); c++) {
						merged.add(new Cell(r + 1, c));
					}
				}
			}
		}
		if (!merged.isEmpty()) {
			notices.add(new Notice("import.notice.merged", handler.merges.size()));
		}
		var rows = handler.rows;
		List<String> header = rows.isEmpty() ? List.of() : Arrays.stream(rows.get(0).cells()).map(c -> c == null ? "" : c).toList();
		return new ParsedSheet(sheetName, header, rows.isEmpty() ? List.of() : rows.subList(1, rows.size()), notices, null,
				merged);
	}

	private static final class StopReading extends SAXException {

		StopReading() {
			super("enough rows");
		}

	}

	/** One worksheet's XML: rows, cells (shared, inline, formula strings, numbers), merged ranges. */
	private static final class SheetHandler extends DefaultHandler {

		private final ReadOnlySharedStringsTable strings;

		private final int maxRows;

		final List<SheetRow> rows = new ArrayList<>();

		final List<CellRangeAddress> merges = new ArrayList<>();

		int hiddenRows;

		int formulas;

		private boolean skipRow;

		private int line;

		private final List<String> cells = new ArrayList<>();

		private final List<Boolean> numbers = new ArrayList<>();

		private int column;

		private @Nullable String type;

		private final StringBuilder text = new StringBuilder();

		private boolean inValue;

		private @Nullable String value;

		SheetHandler(ReadOnlySharedStringsTable strings, int maxRows) {
			this.strings = strings;
			this.maxRows = maxRows;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
			switch (localName) {
				case "row" -> {
					var r = attributes.getValue("r");
					line = r == null ? line + 1 : Integer.parseInt(r);
					var hidden = attributes.getValue("hidden");
					skipRow = "1".equals(hidden) || "true".equals(hidden);
					cells.clear();
					numbers.clear();
				}
				case "c" -> {
					var ref = attributes.getValue("r");
					column = ref == null ? cells.size() : new CellReference(ref).getCol();
					type = attributes.getValue("t");
					value = null;
				}
				case "v", "t" -> {
					inValue = true;
					text.setLength(0);
				}
				case "f" -> formulas++;
				case "mergeCell" -> merges.add(CellRangeAddress.valueOf(attributes.getValue("ref")));
				default -> {
				}
			}
		}

		@Override
		public void characters(char[] ch, int start, int length) {
			if (inValue) {
				text.append(ch, start, length);
			}
		}

		@Override
		public void endElement(String uri, String localName, String qName) throws SAXException {
			switch (localName) {
				case "v" -> {
					inValue = false;
					value = "s".equals(type) ? strings.getItemAt(Integer.parseInt(text.toString().trim())).getString()
							: "b".equals(type) ? ("1".equals(text.toString()) ? "TRUE" : "FALSE") : text.toString();
				}
				case "t" -> {
					inValue = false;
					// An inline string's runs come one <t> at a time.
					value = (value == null ? "" : value) + text;
				}
				case "c" -> {
					if (!skipRow && value != null && !"e".equals(type)) {
						while (cells.size() <= column) {
							cells.add(null);
							numbers.add(false);
						}
						cells.set(column, value);
						numbers.set(column, type == null || "n".equals(type));
					}
				}
				case "row" -> endRow();
				default -> {
				}
			}
		}

		private void endRow() throws SAXException {
			if (skipRow) {
				// A hidden row that holds nothing is formatting, not a row someone hid.
				hiddenRows++;
				return;
			}
			if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
				return;
			}
			if (rows.size() >= maxRows) {
				throw new StopReading();
			}
			var numeric = new boolean[numbers.size()];
			for (int i = 0; i < numeric.length; i++) {
				numeric[i] = numbers.get(i);
			}
			rows.add(new SheetRow(line, cells.toArray(String[]::new), numeric));
		}

	}

	private static ParsedSheet readCsv(Path file) {
		String text;
		try {
			text = decode(Files.readAllBytes(file));
		}
		catch (IOException ex) {
			throw new ImportRefusedException("import.error.broken");
		}
		var records = Csv.parse(text, Csv.sniffDelimiter(text));
		var rows = new ArrayList<SheetRow>();
		List<String> header = List.of();
		int line = 0;
		for (var record : records) {
			line++;
			if (record.stream().allMatch(String::isBlank)) {
				continue;
			}
			if (header.isEmpty()) {
				header = record;
				continue;
			}
			if (rows.size() >= MAX_ROWS) {
				throw new ImportRefusedException("import.error.tooManyRows", MAX_ROWS);
			}
			rows.add(new SheetRow(line, record.toArray(String[]::new), new boolean[0]));
		}
		return new ParsedSheet("CSV", header, rows, List.of(), null, Set.of());
	}

	/** A BOM says the encoding; without one, text that is valid UTF-8 is UTF-8, anything else GB18030 (WPS's default). */
	static String decode(byte[] bytes) {
		if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
			return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
		}
		if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
			return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
		}
		if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
			return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return new String(bytes, Charset.forName("GB18030"));
		}
	}

	private static byte[] firstBytes(Path file) {
		try (var in = Files.newInputStream(file)) {
			return in.readNBytes(8);
		}
		catch (IOException ex) {
			throw new ImportRefusedException("import.error.broken");
		}
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
