package org.pomegranate;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Pomegranate (石榴籽): the records of the ethnic-unity progress campaign.
 */
@SpringBootApplication
public class PomegranateApplication {

	public static void main(String[] args) {
		SpringApplication.run(PomegranateApplication.class, args);
	}

}
