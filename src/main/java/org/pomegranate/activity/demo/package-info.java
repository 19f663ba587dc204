/** 甘孜州's year of activities as seed 000 counts them, and seed 003's language training in 金牛区. */
@NullMarked
package org.pomegranate.activity.demo;

import org.jspecify.annotations.NullMarked;
