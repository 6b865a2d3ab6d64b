import { defineCollection } from 'astro:content';
import { publishersLoader, recordsLoader } from './lib/content/catalog-loader.ts';

export const collections = {
	records: defineCollection({ loader: recordsLoader() }),
	publishers: defineCollection({ loader: publishersLoader() }),
};
