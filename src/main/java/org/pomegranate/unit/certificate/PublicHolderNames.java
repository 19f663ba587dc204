package org.pomegranate.unit.certificate;

import java.util.Set;

/**
 * How a household is named where its members' names must not appear (the public verification
 * page, the 名录 and its export): the head's surname, then 某, then 家庭 — 扎西某家庭, 王某家庭.
 * <p>
 * The surname is the first character of a Han name (01), or the first two where the name begins
 * with a compound surname (欧阳, 司马 …). Tibetan and Yi names have no surname: their first name
 * part, which is two characters in nearly every name of the registry (泽仁, 扎西, 格桑; 曲比, 阿苏),
 * stands for it — the first two characters of a name of three or more, the first one of a name of
 * two. A name written with a middle dot (阿依·木呷) keeps its first part (up to two characters).
 */
public final class PublicHolderNames {

	static final String HAN = "01";

	private static final Set<String> COMPOUND_SURNAMES = Set.of("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容",
			"令狐", "长孙", "宇文", "司徒", "夏侯", "独孤", "端木", "西门", "南宫", "呼延", "轩辕");

	private PublicHolderNames() {
	}

	/** {@code 扎西某家庭} for the household whose head is {@code headName}, of ethnic group {@code ethnicity}. */
	public static String household(String headName, String ethnicity) {
		return surname(headName, ethnicity) + "某家庭";
	}

	static String surname(String headName, String ethnicity) {
		var name = headName.strip();
		int dot = indexOfDot(name);
		if (dot > 0) {
			var part = name.substring(0, dot);
			return part.codePointCount(0, part.length()) <= 2 ? part : part.substring(0, part.offsetByCodePoints(0, 2));
		}
		if (name.codePointCount(0, name.length()) <= 1) {
			return name;
		}
		int two = name.offsetByCodePoints(0, Math.min(2, name.codePointCount(0, name.length())));
		int one = name.offsetByCodePoints(0, 1);
		if (HAN.equals(ethnicity)) {
			return COMPOUND_SURNAMES.contains(name.substring(0, two)) && name.codePointCount(0, name.length()) > 2
					? name.substring(0, two) : name.substring(0, one);
		}
		return name.codePointCount(0, name.length()) >= 3 ? name.substring(0, two) : name.substring(0, one);
	}

	private static int indexOfDot(String name) {
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c == '·' || c == '•' || c == '・' || c == '.') {
				return i;
			}
		}
		return -1;
	}

}
