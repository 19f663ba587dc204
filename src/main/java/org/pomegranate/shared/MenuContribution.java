package org.pomegranate.shared;

import java.util.List;

/**
 * A module's entries in the main menu. The layout gathers every bean of this type in {@link
 * #order()} and shows each user the entries of their role; a module adds its entries by declaring
 * one more such bean, not by editing a central list.
 */
public interface MenuContribution {

	/** Where the entries stand in the menu: lower first. */
	int order();

	List<MenuEntry> entries();

}
