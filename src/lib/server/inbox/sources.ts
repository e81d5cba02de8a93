// What other parts of the app feed into the inbox. Each source is read by the inbox, not the other way round:
// - confirmed findings (issue 16's review): copied in as 'finding' items, answered like a note (findings-feed.ts);
// - the quarterly assessment's rectification requests (issue 13): they keep their own thread (request, answer,
//   accept/reject) and are listed and answered through it (rectifications.ts).
export { syncConfirmedFindings as syncExternalItems } from './findings-feed';
export {
	rectificationEntries,
	unreadRectifications,
	markRectificationsSeen,
	answerRectification,
	overdueRectifications,
	type RectificationEntry,
	type RectificationMessageView
} from './rectifications';
