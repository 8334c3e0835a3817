#include "marks.h"

enum item_status marks_status(const struct resolved *info)
{
	if (info->status == STATUS_ADDED && info->history_count) {
		switch (info->history[0].change->op) {
		case OP_SPLIT: return STATUS_SPLIT;
		case OP_MERGE: return STATUS_MERGED;
		default: break;
		}
	}
	return (enum item_status)info->status;
}

char marks_status_char(const struct resolved *info)
{
	switch (marks_status(info)) {
	case STATUS_REWORDED: return '*';
	case STATUS_ADDED: return 'A';
	case STATUS_EXCLUDED: return 'x';
	case STATUS_SPLIT: return 's';
	case STATUS_MERGED: return 'm';
	default: return info->history_count ? '*' : ' ';
	}
}

bool marks_changes_below(const struct catalog *c, const struct resolution *r, uint32_t i)
{
	if (!r || i == ITEM_NONE)
		return false;
	for (uint32_t k = catalog_next(c, i); k != ITEM_NONE && catalog_is_within(c, k, i);
	     k = catalog_next(c, k))
		if (k < r->cat.count && marks_status_char(&r->info[k]) != ' ')
			return true;
	return false;
}
