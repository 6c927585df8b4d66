/// <reference types="astro/client" />

declare namespace App {
	interface Locals {
		/** The neighbourhood whose entry is being rendered: story components use it to find assets. */
		neighbourhood?: string;
	}
}
