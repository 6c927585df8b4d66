/**
 * A synthetic content folder of any size, for benchmarks and tests: a 10,000
 * page site for search figures, a 200-entry neighbourhood for print, a scale
 * benchmark.
 *
 * What it writes is a complete, valid `content/` folder, as residents would
 * write it: site.yaml, themes.yaml, neighbourhoods with connectors and
 * surgeries, and entries of every kind, consent level, schedule shape and
 * cost, with stories that link to them (some in MDX, with the story
 * components). The same seed always gives the same files.
 *
 * Names that consent withholds (the surname of a first-name gift, every part
 * of a via-connector gift's name) come from their own pools and appear
 * nowhere else, so a test can scan any output for them: see `withheldNames`.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { SUMMARY_COMFORTABLE_LENGTH } from '../../src/lib/editor-checks.ts';

export interface CorpusOptions {
	/** The folder to write; it must be empty, missing, or a corpus written before (which is replaced). */
	dir: string;
	neighbourhoods: number;
	assetsPerNeighbourhood: number;
	storiesPerNeighbourhood: number;
	/** Same seed, same files. Default 1. */
	seed?: number;
	/** Every date is on or before this day, `YYYY-MM-DD`. Default 2026-06-01 (the tests' fixed "today"). */
	asOf?: string;
	/** Share of stories written in MDX with a pull quote and an asset card. Default 0.25. */
	mdxShare?: number;
	/** Share of entries with a picture. Default 0.2. */
	pictureShare?: number;
	/** Share of entries marked `draft: true`. Default 0, so counts are exact. */
	draftShare?: number;
}

export interface CorpusNeighbourhood {
	n: string;
	name: string;
	/** Slugs of its assets, drafts included. */
	assets: string[];
	stories: string[];
}

export interface Corpus {
	dir: string;
	neighbourhoods: CorpusNeighbourhood[];
	/** Published assets and stories. */
	assets: number;
	stories: number;
	/** Pages a guide makes for neighbourhoods, assets and stories (the pages search indexes). */
	entryPages: number;
	/** Words of recorded names that consent withholds: none may appear in any output. */
	withheldNames: string[];
}

const MARKER = '.generated-corpus';

export function generateCorpus(options: CorpusOptions): Corpus {
	const dir = path.resolve(options.dir);
	prepareFolder(dir);
	const writer = new CorpusWriter(options);
	const corpus = writer.write(dir);
	writeFileSync(path.join(dir, MARKER), `Written by scripts/lib/corpus.ts with ${JSON.stringify({ ...options, dir: undefined })}\n`);
	return corpus;
}

/** Refuse to write over anything that is not an earlier corpus. */
function prepareFolder(dir: string) {
	if (existsSync(dir) && readdirSync(dir).length > 0) {
		if (!existsSync(path.join(dir, MARKER))) {
			throw new Error(`${dir} is not empty and was not written by the corpus generator (choose an empty or new folder)`);
		}
		rmSync(dir, { recursive: true, force: true });
	}
	mkdirSync(dir, { recursive: true });
}

/* ------------------------------------------------------------------ *
 * Deterministic randomness.
 * ------------------------------------------------------------------ */

class Random {
	#state: number;
	constructor(seed: number) {
		this.#state = seed >>> 0 || 1;
	}
	/** mulberry32: small, fast and good enough for made-up content. */
	next(): number {
		let t = (this.#state = (this.#state + 0x6d2b79f5) >>> 0);
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}
	chance(p: number): boolean {
		return this.next() < p;
	}
	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}
	weighted<T>(items: readonly (readonly [T, number])[]): T {
		const total = items.reduce((sum, [, w]) => sum + w, 0);
		let r = this.next() * total;
		for (const [item, w] of items) {
			r -= w;
			if (r < 0) return item;
		}
		return items[items.length - 1][0];
	}
	sample<T>(items: readonly T[], count: number): T[] {
		const copy = [...items];
		for (let i = copy.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[copy[i], copy[j]] = [copy[j], copy[i]];
		}
		return copy.slice(0, Math.max(0, Math.min(count, copy.length)));
	}
}

/* ------------------------------------------------------------------ *
 * Word pools. Public names and places only; withheld names have their own.
 * ------------------------------------------------------------------ */

const THEMES = [
	['company-and-a-cuppa', 'Company and a cuppa', 'Somewhere warm to sit, talk and be with other people.'],
	['making-and-creating', 'Making and creating', 'Knitting, woodwork, mending and making things with your hands.'],
	['music-and-singing', 'Music and singing', 'Singing, playing and listening, whatever your voice is like.'],
	['moving', 'Moving', 'Walking, dancing, bowls and gentle exercise, at your own pace.'],
	['growing-and-nature', 'Growing and nature', 'Gardens, allotments, the park, the river and the canal.'],
	['learning', 'Learning', 'Picking up something new, or sharing what you already know.'],
	['helping-out', 'Helping out', 'Giving a hand, a skill or an hour of your time to your neighbours.'],
	['faith-and-belief', 'Faith and belief', 'Places to worship, to reflect and to belong.'],
	['food', 'Food', 'Meals to share, cooking together, and good food at a fair price.'],
	['caring-for-someone', 'Caring for someone', 'Company, help and a break for people who look after someone they love.'],
	['getting-about', 'Getting about', 'Lifts, minibuses, bikes and help getting where you want to go.'],
	['money-and-paperwork', 'Money and paperwork', 'Help with bills, forms and letters, and a fair place to save and borrow.'],
] as const;
type ThemeId = (typeof THEMES)[number][0];

const FIRST_NAMES = [
	'Margaret', 'Jean', 'Brenda', 'Pat', 'Sue', 'Linda', 'Carol', 'Maureen', 'Irene', 'Doreen', 'Pauline', 'Janet',
	'Barbara', 'Sandra', 'Kath', 'Val', 'Ann', 'Joan', 'Eileen', 'Shirley', 'Ken', 'Bill', 'Ron', 'Alan', 'Dave',
	'Steve', 'Keith', 'Brian', 'Geoff', 'Tony', 'Mick', 'Colin', 'Frank', 'Stan', 'Harold', 'Trevor', 'Graham',
	'Amina', 'Parveen', 'Nasreen', 'Shazia', 'Imran', 'Tariq', 'Harjit', 'Gurpreet', 'Sukhwinder', 'Priya', 'Anjali',
	'Ravi', 'Deepak', 'Kasia', 'Ola', 'Halina', 'Tomasz', 'Piotr', 'Dariusz', 'Daniela', 'Ioana', 'Mihai', 'Chidi',
	'Ngozi', 'Grace', 'Femi', 'Abdi', 'Hodan', 'Fatima', 'Yusuf', 'Maria', 'Rosa', 'Nikos', 'Elena', 'Siobhan',
	'Declan', 'Bridget', 'Fergus', 'Morag', 'Ewan', 'Rhian', 'Gareth', 'Owen', 'Kev', 'Shaz', 'Dean', 'Leanne',
	'Kelly', 'Jordan', 'Chloe', 'Jade', 'Liam', 'Ryan', 'Sophie', 'Ellie', 'Ben', 'Tom', 'Hannah', 'Lucy', 'Zainab',
	'Bilal', 'Sana', 'Aisha', 'Hamza', 'Mehmet', 'Ayse', 'Joy', 'Winston', 'Delroy', 'Marcia', 'Beverley', 'Errol',
];

const SURNAMES = [
	'Hartley', 'Pilling', 'Marsden', 'Holroyd', 'Sutcliffe', 'Greenwood', 'Barraclough', 'Ormerod', 'Whiteley',
	'Haigh', 'Firth', 'Brook', 'Illingworth', 'Mitchell', 'Walsh', 'Doyle', 'Kelly', 'Murphy', 'Begum', 'Akhtar',
	'Hussain', 'Khan', 'Ahmed', 'Singh', 'Kaur', 'Patel', 'Desai', 'Sharma', 'Kowalski', 'Nowak', 'Wisniewska',
	'Popescu', 'Ionescu', 'Okafor', 'Adeyemi', 'Mensah', 'Campbell', 'Robinson', 'Thompson', 'Clarke', 'Wood',
	'Taylor', 'Shaw', 'Lee', 'Hall', 'Wright', 'Green', 'Turner', 'Baker', 'Hughes', 'Evans', 'Davies', 'Price',
];

/**
 * Recorded names that consent withholds. Unusual on purpose, and in no other
 * pool, so any appearance in an output is a leak, not a coincidence.
 */
const WITHHELD_SURNAMES = [
	'Quarmby', 'Vavasour', 'Ezzard', 'Pobjoy', 'Ughtred', 'Yaxley', 'Wigglesworth', 'Zouch', 'Fothergill', 'Jowett',
	'Knapton', 'Lumb', 'Mawson', 'Nutter', 'Oddy', 'Pickersgill', 'Rawnsley', 'Scatcherd', 'Thwaites', 'Umpleby',
	'Verity', 'Wragg', 'Yeadon', 'Ackroyd', 'Balmforth', 'Clegg', 'Dobson', 'Entwistle', 'Gaukroger', 'Hirst',
];
const WITHHELD_FIRST_NAMES = [
	'Ambrose', 'Cuthbert', 'Evadne', 'Lettice', 'Wilfred', 'Ottoline', 'Percival', 'Drusilla', 'Thaddeus', 'Euphemia',
	'Bartholomew', 'Hepzibah', 'Leopold', 'Araminta', 'Ignatius', 'Philippa', 'Rupert', 'Tabitha', 'Horatio', 'Winifred',
];

const TOWN = 'Kirkby Vale';

const PLACE_WORDS = [
	'Abbey', 'Mill', 'Brook', 'Canal', 'Church', 'Kings', 'Queens', 'Moor', 'Oak', 'Elm', 'Ash', 'Castle', 'Market',
	'Bridge', 'Station', 'Wood', 'Hollin', 'Holme', 'Lea', 'Thorn', 'Beck', 'Weaver', 'Loom', 'Priory', 'Chapel',
	'Fern', 'Heather', 'Rook', 'Crow', 'Lark', 'Willow', 'Birch', 'Hazel', 'Cherry', 'Orchard', 'Foundry', 'Tannery',
	'Cooper', 'Tenter', 'Dye', 'Spring', 'Well', 'Stone', 'Slate', 'Quarry', 'Forge', 'Barley', 'Clover', 'Dale',
	'Ridge', 'Meadow', 'Marsh', 'Fold', 'Croft', 'Garth', 'Ings', 'Carr', 'Royd', 'Shaw', 'Clough',
];
const NEIGHBOURHOOD_ENDINGS = [
	'Fields', 'side', ' Row', ' Green', ' End', ' Bank', 'gate', ' Top', ' Bottom', ' Cross', ' Hill', ' Heath',
	' Park', ' Village', ' Estate', ' Lane', 'ford', 'ley', 'thorpe', 'by',
];
const NEIGHBOURHOOD_PREFIXES = ['', 'North ', 'South ', 'East ', 'West ', 'Upper ', 'Lower ', 'Old ', 'New '];
const STREET_TYPES = ['Road', 'Street', 'Lane', 'Avenue', 'Close', 'Walk', 'Way', 'Drive', 'Terrace', 'Grove', 'Crescent', 'Row', 'Court', 'Place'];

const VENUE_TYPES = [
	'Community Centre', 'Church Hall', 'Library', 'Methodist Chapel', 'Scout Hut', 'Sports Club', 'Working Men\'s Club',
	'Community Hub', 'Family Centre', 'Village Hall', 'Youth Club', 'Cricket Club pavilion', 'Primary School hall',
];

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
type Day = (typeof DAYS)[number];
const DAY_WORDS: Record<Day, string> = {
	monday: 'Monday', tuesday: 'Tuesday', wednesday: 'Wednesday', thursday: 'Thursday', friday: 'Friday', saturday: 'Saturday', sunday: 'Sunday',
};

const ACCESS = ['step-free', 'accessible-toilet', 'hearing-loop', 'seating', 'parking', 'near-bus-stop', 'quiet-space', 'dementia-friendly', 'carers-welcome', 'large-print'] as const;

/** Things groups and organisations do, with the words residents use for them. */
interface Activity {
	name: string;
	themes: ThemeId[];
	/** "knitting, crochet and a natter" */
	what: string;
	details: string[];
}

const GROUP_ACTIVITIES: Activity[] = [
	{ name: 'Knit and Natter', themes: ['making-and-creating', 'company-and-a-cuppa'], what: 'knitting, crochet and a good natter', details: ['Bring your own wool, or borrow ours.', 'Beginners sit near the teapot, so the old hands can help.', 'We knit blankets for the baby unit at the hospital.', 'Nobody minds a dropped stitch.'] },
	{ name: 'Singing Together', themes: ['music-and-singing', 'company-and-a-cuppa'], what: 'singing the old songs together, with the words on big sheets', details: ['You do not need to read music or sing in tune.', 'Carers and the people they look after sing side by side.', 'We finish with a cup of tea and a biscuit.', 'Someone always requests Daisy Bell.'] },
	{ name: 'Walking Football', themes: ['moving', 'company-and-a-cuppa'], what: 'football at a walking pace, for people who thought their playing days were over', details: ['No running, no tackling and no heading.', 'Wear trainers and bring some water.', 'Most of us are over sixty, and one of us is over eighty.', 'Afterwards we go for a pint or a brew.'] },
	{ name: 'Chair Yoga', themes: ['moving'], what: 'gentle stretching sitting down, led by a trained teacher', details: ['Everything can be done from a chair.', 'Tell the teacher about any aches or worries first.', 'Wear something loose and comfortable.', 'People say they sleep better afterwards.'] },
	{ name: 'Tea Dance', themes: ['moving', 'music-and-singing', 'company-and-a-cuppa'], what: 'ballroom and sequence dancing to live music, with tea and cake', details: ['Come on your own; there is always a partner.', 'If you would rather watch, there are plenty of seats.', 'The band plays the foxtrot, the waltz and the cha-cha.', 'Sensible shoes are fine.'] },
	{ name: 'Book Club', themes: ['learning', 'company-and-a-cuppa'], what: 'talking about a book over coffee, one book a month', details: ['The library lends us copies, including large print and audio books.', 'You do not have to finish the book to come.', 'We choose the next book together.', 'Some months we talk more about our lives than the book.'] },
	{ name: 'Coffee Morning', themes: ['company-and-a-cuppa'], what: 'coffee, cake and a chat', details: ['There is a raffle most weeks.', 'New faces are always welcome.', 'Someone will come and sit with you.', 'The cakes are home-made.'] },
	{ name: 'Men\'s Shed', themes: ['making-and-creating', 'company-and-a-cuppa', 'helping-out'], what: 'woodwork, tinkering and a brew, side by side', details: ['Women are welcome too.', 'We mend things for the school and the church.', 'The tools are shared, and someone will show you how to use them safely.', 'Men talk better shoulder to shoulder.'] },
	{ name: 'Community Choir', themes: ['music-and-singing'], what: 'a choir for anyone who likes to sing, no audition', details: ['We sing pop songs, hymns and songs from around the world.', 'We give a concert at Christmas and in the summer.', 'The choir leader teaches every part by ear.', 'Nobody has to sing on their own.'] },
	{ name: 'Bowls', themes: ['moving', 'company-and-a-cuppa', 'growing-and-nature'], what: 'crown green bowls, with woods to borrow', details: ['Flat shoes are all you need.', 'We teach beginners on Tuesday evenings in summer.', 'The clubhouse does teas.', 'You can sit on the bench and watch.'] },
	{ name: 'Art Group', themes: ['making-and-creating'], what: 'painting and drawing, whatever your level', details: ['Paper, paints and brushes are there to use.', 'We show our pictures in the library once a year.', 'Some people come just to draw the view.', 'There is no teacher, only friends who help.'] },
	{ name: 'Gardening Club', themes: ['growing-and-nature', 'company-and-a-cuppa'], what: 'growing vegetables and flowers together', details: ['Gloves and tools are there to borrow.', 'There are raised beds you can reach from a chair.', 'We share what we grow.', 'In winter we plan and swap seeds.'] },
	{ name: 'Lunch Club', themes: ['food', 'company-and-a-cuppa'], what: 'a hot two-course dinner and good company', details: ['There is always a vegetarian choice.', 'Tell us if there is something you cannot eat.', 'After dinner there is a raffle and a natter.', 'Ask about a lift if you cannot get here on your own.'] },
	{ name: 'Memory Café', themes: ['caring-for-someone', 'company-and-a-cuppa'], what: 'a relaxed afternoon for people living with dementia and the people who care for them', details: ['Staff from the memory service come once a month.', 'There is music, and sometimes a singer.', 'Carers can talk to each other in the quiet room.', 'Nobody will ask you to explain yourself.'] },
	{ name: 'Carers\' Cuppa', themes: ['caring-for-someone', 'company-and-a-cuppa'], what: 'a break and a brew for people who look after someone', details: ['Bring the person you care for, or come on your own.', 'Someone from the carers\' centre can help with forms.', 'We laugh a lot, and sometimes we cry.', 'Everything said here stays here.'] },
	{ name: 'Conversation Club', themes: ['learning', 'company-and-a-cuppa'], what: 'practising English over a cup of tea', details: ['All levels are welcome.', 'Volunteers chat in small groups.', 'Children can come and play.', 'We talk about the weather, the buses and the shops.'] },
	{ name: 'Chess Club', themes: ['learning', 'company-and-a-cuppa'], what: 'chess and draughts, with boards to borrow', details: ['We teach beginners.', 'Games are friendly and there is no clock.', 'Young and old play together.', 'Some people come just to watch.'] },
	{ name: 'Ukulele Group', themes: ['music-and-singing', 'learning'], what: 'learning the ukulele together, with instruments to borrow', details: ['You only need three chords for most songs.', 'The song sheets are in large print.', 'We play at the care home at Christmas.', 'Nobody minds a wrong note.'] },
	{ name: 'Craft Group', themes: ['making-and-creating', 'company-and-a-cuppa'], what: 'sewing, card making and crafts', details: ['Bring what you are working on, or try something new.', 'There is a box of materials to use.', 'We make bunting for the summer fair.', 'It is good company on a dark afternoon.'] },
	{ name: 'Stay and Play', themes: ['company-and-a-cuppa', 'learning'], what: 'toys, songs and a brew for babies, toddlers and their grown-ups', details: ['Grandparents and childminders come too.', 'There is fruit and milk for the children.', 'We sing at eleven.', 'Prams can come inside.'] },
	{ name: 'Repair Café', themes: ['making-and-creating', 'helping-out'], what: 'fixing broken things together instead of throwing them away', details: ['Bring a toaster, a lamp, a chair or a pair of trousers.', 'Volunteers show you how to mend it yourself.', 'There is tea while you wait.', 'About two things in three go home working.'] },
	{ name: 'Health Walk', themes: ['moving', 'growing-and-nature'], what: 'a short, gentle walk with a trained walk leader', details: ['The walk takes about an hour, with stops.', 'Nobody gets left behind.', 'Wear comfortable shoes.', 'We finish at a café, if you want to stay.'] },
	{ name: 'Bingo', themes: ['company-and-a-cuppa'], what: 'bingo, a raffle and a brew', details: ['Books are a pound.', 'The caller has a loud, clear voice.', 'There are large-print cards.', 'The prizes are small but the laughs are big.'] },
	{ name: 'Bike Ride', themes: ['moving', 'getting-about'], what: 'a steady bike ride on quiet roads and paths', details: ['Bikes and helmets can be borrowed.', 'The leader stops at every junction.', 'We ride at the pace of the slowest.', 'Tandems and trikes are welcome.'] },
	{ name: 'Digital Drop-in', themes: ['learning', 'money-and-paperwork'], what: 'help with phones, tablets and the internet', details: ['Bring your own phone or tablet, and your passwords.', 'We can help you book a doctor\'s appointment online.', 'Nobody will laugh at your question.', 'There are tablets to borrow.'] },
	{ name: 'Prayer Group', themes: ['faith-and-belief', 'company-and-a-cuppa'], what: 'quiet prayer and a cup of tea afterwards', details: ['People of any faith, or none, are welcome.', 'Nobody has to pray out loud.', 'We pray for the neighbourhood and anyone who asks.', 'The quiet is good for the soul.'] },
];

const ORGANISATIONS: Activity[] = [
	{ name: 'Credit Union', themes: ['money-and-paperwork'], what: 'saving and borrowing at a fair rate, run by its members', details: ['You can save as little as a pound a week.', 'Loans are fair and there are no hidden charges.', 'Bring something with your address on it.', 'The staff will not judge you.'] },
	{ name: 'Advice Drop-in', themes: ['money-and-paperwork'], what: 'free, private advice about money, benefits, housing and debt', details: ['Bring any letters you are worried about.', 'An adviser can ring people for you.', 'There may be a wait, so bring a book.', 'Everything you say is private.'] },
	{ name: 'Pantry', themes: ['food', 'money-and-paperwork'], what: 'a weekly shop of good food for a small membership fee', details: ['Members choose what they want from the shelves.', 'There is fresh fruit and vegetables most weeks.', 'Volunteers can help carry bags to the bus stop.', 'Nobody needs a referral.'] },
	{ name: 'Carers\' Centre', themes: ['caring-for-someone', 'money-and-paperwork'], what: 'help, advice and a break for unpaid carers', details: ['They can help with a carer\'s assessment.', 'There are free courses on moving and handling.', 'They run a sitting service so you can have a few hours off.', 'Ring them, even if you do not think of yourself as a carer.'] },
	{ name: 'Community Transport', themes: ['getting-about'], what: 'a door-to-door minibus for people who find buses hard', details: ['The bus has a lift for wheelchairs.', 'Book the day before.', 'Drivers help you on and off.', 'It goes to the shops, the surgery and the hospital.'] },
	{ name: 'Befriending Service', themes: ['company-and-a-cuppa', 'helping-out'], what: 'a friendly volunteer who visits or rings once a week', details: ['Volunteers are checked and trained.', 'You can ask for a visit or a phone call.', 'Many friendships last for years.', 'Volunteers are always wanted.'] },
	{ name: 'Good Neighbours', themes: ['helping-out', 'getting-about'], what: 'neighbours who help with lifts, shopping and small jobs', details: ['Ring the coordinator and she will find someone.', 'Volunteers can take you to appointments.', 'A small donation for petrol is welcome but not needed.', 'They also change light bulbs and post letters.'] },
	{ name: 'Food Bank', themes: ['food', 'money-and-paperwork'], what: 'three days of emergency food when money runs out', details: ['Ask your GP, the advice centre or a connector for a voucher.', 'There is tea and someone to talk to.', 'They can help with what caused the crisis.', 'Nobody will make you feel ashamed.'] },
	{ name: 'Dementia Support', themes: ['caring-for-someone'], what: 'advice and support for people living with dementia and their families', details: ['A dementia adviser can visit you at home.', 'They run courses for carers.', 'They know about the memory café and other groups.', 'You do not need a diagnosis to ask.'] },
	{ name: 'Volunteer Centre', themes: ['helping-out', 'learning'], what: 'help finding a way to give some time to your neighbourhood', details: ['They will find something that suits you.', 'Volunteering can be an hour a month.', 'It is a good way to meet people.', 'References and training are free.'] },
];

const PLACE_KINDS: Array<{ type: string; themes: ThemeId[]; what: string; details: string[]; opening: 'daylight' | 'hours' | 'services' | 'none' }> = [
	{ type: 'Park', themes: ['growing-and-nature', 'moving'], what: 'a green space with paths, benches and a pond', details: ['The main paths are flat and firm.', 'There are benches every few minutes.', 'Ducks, herons and sometimes a kingfisher.', 'The toilets by the gate are open in summer.'], opening: 'daylight' },
	{ type: 'Library', themes: ['learning', 'company-and-a-cuppa'], what: 'books, newspapers, computers and a warm place to sit', details: ['Large-print books and audio books are by the door.', 'You can use the computers for free.', 'Staff will help you join.', 'The community room hosts groups most days.'], opening: 'hours' },
	{ type: 'Community Garden', themes: ['growing-and-nature', 'company-and-a-cuppa'], what: 'a shared garden anyone can visit or help in', details: ['The raised beds are wheelchair height.', 'There is a shelter if it rains.', 'Volunteers work in it on Saturday mornings.', 'Pick what is ripe and share it.'], opening: 'daylight' },
	{ type: 'Allotments', themes: ['growing-and-nature'], what: 'allotments, with a shared plot for beginners', details: ['There is a waiting list for your own plot.', 'The shared plot needs no waiting.', 'Plot holders swap seeds and advice.', 'There is a compost toilet.'], opening: 'daylight' },
	{ type: 'Church', themes: ['faith-and-belief', 'company-and-a-cuppa'], what: 'a church that is open for quiet, services and community groups', details: ['Everyone is welcome, church-goer or not.', 'The side door has a ramp.', 'There is a hearing loop in the church.', 'The hall behind hosts groups all week.'], opening: 'services' },
	{ type: 'Mosque', themes: ['faith-and-belief', 'food'], what: 'a mosque with a women\'s room and a community kitchen', details: ['Visitors are welcome outside prayer times.', 'Please take your shoes off inside.', 'Food is shared after Friday prayers.', 'The committee runs a homework club.'], opening: 'services' },
	{ type: 'Gurdwara', themes: ['faith-and-belief', 'food'], what: 'a gurdwara where a free vegetarian meal is served to everyone', details: ['Cover your head and take off your shoes.', 'There are chairs for anyone who cannot sit on the floor.', 'Nobody asks who you are.', 'Volunteers cook and wash up together.'], opening: 'services' },
	{ type: 'Towpath', themes: ['growing-and-nature', 'moving'], what: 'a flat path along the canal, good for a gentle walk', details: ['It is flat all the way.', 'There are benches at the locks.', 'Watch out for bikes.', 'Look out for the narrowboats.'], opening: 'daylight' },
	{ type: 'Bench', themes: ['company-and-a-cuppa'], what: 'a bench where people sit and chat in the mornings', details: ['Sit down and someone will say hello.', 'It catches the morning sun.', 'Someone brings a flask most days.', 'It is a good place to watch the world go by.'], opening: 'none' },
	{ type: 'Swimming Pool', themes: ['moving'], what: 'a pool with quiet sessions for older people', details: ['There is a hoist to get into the water.', 'The changing rooms are private.', 'Aqua-fit on Wednesday mornings.', 'Concessions for over sixties.'], opening: 'hours' },
];

const BUSINESSES: Array<{ type: string; themes: ThemeId[]; what: string; details: string[] }> = [
	{ type: 'Café', themes: ['company-and-a-cuppa', 'food'], what: 'a café with a chatty table where anyone can sit and talk', details: ['The chatty table has a sign on it.', 'A pot of tea is cheap and refills are free.', 'Dogs are welcome.', 'The owner knows everyone.'] },
	{ type: 'Bakery', themes: ['food'], what: 'a family bakery that gives yesterday\'s bread to the pantry', details: ['The bread is baked at four every morning.', 'Ask for the end-of-day bag.', 'There are two chairs by the window.', 'Birthday cakes to order.'] },
	{ type: 'Launderette', themes: ['company-and-a-cuppa', 'money-and-paperwork'], what: 'a launderette with a kettle, a sofa and a noticeboard', details: ['The noticeboard lists everything on in the area.', 'Service washes for people who cannot carry bags.', 'The owner will help with the machines.', 'It is warm in winter.'] },
	{ type: 'Barbers', themes: ['company-and-a-cuppa'], what: 'a barber\'s shop where men talk', details: ['The barbers have done mental health training.', 'Pensioners pay less on Tuesdays.', 'Home visits for people who cannot get out.', 'The radio is always on.'] },
	{ type: 'Hairdressers', themes: ['company-and-a-cuppa', 'caring-for-someone'], what: 'a hairdresser\'s that is dementia friendly', details: ['Quiet appointments are available.', 'Carers can stay in the chair next to you.', 'Home visits on Mondays.', 'They know everyone\'s news.'] },
	{ type: 'Chip Shop', themes: ['food'], what: 'a chip shop with a pensioners\' special and a few tables', details: ['The pensioners\' special is on every weekday.', 'They deliver to the sheltered housing.', 'There are tables to sit at.', 'Fish on Fridays, of course.'] },
	{ type: 'Hardware Shop', themes: ['making-and-creating', 'helping-out'], what: 'an old-fashioned hardware shop that will cut a key and give advice', details: ['They sell screws one at a time.', 'Ask them how to fix it before you buy a new one.', 'They lend tools to the repair café.', 'The owner has been here forty years.'] },
	{ type: 'Pharmacy', themes: ['caring-for-someone'], what: 'a pharmacy that delivers and has a private room to talk', details: ['Free delivery for housebound people.', 'The pharmacist will check your medicines with you.', 'Blood pressure checks without an appointment.', 'Ask for the large-print labels.'] },
	{ type: 'Greengrocer', themes: ['food'], what: 'a greengrocer with a box scheme and fair prices', details: ['A fruit and veg box costs a few pounds.', 'They take Healthy Start vouchers.', 'They deliver on Thursdays.', 'Ask what is in season.'] },
	{ type: 'Pub', themes: ['company-and-a-cuppa', 'learning'], what: 'a pub with a quiz night, a warm fire and a quiet room', details: ['The quiz has a picture round and a music round.', 'Teams can be two people or six.', 'Soft drinks and tea are on sale too.', 'The quiet room is free for groups.'] },
];
const PUB_NAMES = ['Red Lion', 'Black Bull', 'Fleece', 'Shoulder of Mutton', 'Woolpack', 'Royal Oak', 'White Hart', 'Packhorse', 'Navigation', 'Spinners Arms', 'Boat House', 'Malt Shovel'];

/** Neighbours' gifts: what a person offers, in a title that reads naturally with a first name. */
const GIFTS: Array<{ does: string; themes: ThemeId[]; trade: string; details: string[]; where?: 'home' | 'venue' }> = [
	{ does: 'teaches beginners to knit', themes: ['making-and-creating', 'learning'], trade: 'knitter', details: ['She starts everyone off with a dishcloth.', 'Chunky needles are easier on the hands.', 'Large-print patterns are available.'], where: 'venue' },
	{ does: 'plays piano for sing-alongs', themes: ['music-and-singing'], trade: 'pianist', details: ['Knows every song from the war years.', 'Will play at your group or party.', 'Takes requests.'], where: 'venue' },
	{ does: 'mends wobbly chairs', themes: ['making-and-creating', 'helping-out'], trade: 'joiner', details: ['Has mended hundreds of chairs.', 'Bring it round, or it can be collected.', 'Small jobs only.'], where: 'home' },
	{ does: 'fixes bikes', themes: ['getting-about', 'making-and-creating'], trade: 'bike mechanic', details: ['Punctures, brakes and gears.', 'Will show you how to do it yourself.', 'Has a box of spare parts.'], where: 'venue' },
	{ does: 'takes people fishing on the canal', themes: ['growing-and-nature', 'company-and-a-cuppa'], trade: 'angler', details: ['Rods and bait provided.', 'It is about sitting still, not catching fish.', 'Flasks of tea are part of it.'], where: 'venue' },
	{ does: 'helps with phones and tablets', themes: ['learning'], trade: 'engineer', details: ['Patient with every question.', 'Can set up video calls with family.', 'Writes everything down for you.'], where: 'venue' },
	{ does: 'reads aloud to people whose eyes are tired', themes: ['company-and-a-cuppa', 'caring-for-someone'], trade: 'teacher', details: ['Newspapers, letters or a good novel.', 'Comes to your home for an hour.', 'Has a lovely clear voice.'], where: 'home' },
	{ does: 'shares the history of the streets', themes: ['learning'], trade: 'historian', details: ['Has old photographs of every street.', 'Gives talks to groups.', 'Loves hearing your memories too.'], where: 'venue' },
	{ does: 'walks dogs for people who cannot', themes: ['helping-out', 'moving'], trade: 'dog lover', details: ['Daily walks when you are poorly.', 'Brings treats.', 'Your dog will be happy.'], where: 'home' },
	{ does: 'helps with forms and letters', themes: ['money-and-paperwork', 'helping-out'], trade: 'clerk', details: ['Benefits forms, council letters and bills.', 'Keeps everything private.', 'Knows who to ring.'], where: 'venue' },
	{ does: 'bakes cakes for community events', themes: ['food', 'helping-out'], trade: 'baker', details: ['Victoria sponge is a speciality.', 'Gluten-free on request.', 'Ask a week ahead.'], where: 'home' },
	{ does: 'helps tidy gardens', themes: ['growing-and-nature', 'helping-out'], trade: 'gardener', details: ['Hedges, lawns and weeding.', 'Brings own tools.', 'Loves a chat over the fence.'], where: 'home' },
	{ does: 'teaches chess', themes: ['learning'], trade: 'chess player', details: ['Beginners very welcome.', 'Has a board with big pieces.', 'Plays slowly and explains.'], where: 'venue' },
	{ does: 'plays guitar and teaches the basics', themes: ['music-and-singing', 'learning'], trade: 'musician', details: ['Has a spare guitar to lend.', 'Three chords and a song in one afternoon.', 'Plays folk and pop.'], where: 'venue' },
	{ does: 'sews, alters and mends clothes', themes: ['making-and-creating', 'helping-out'], trade: 'dressmaker', details: ['Hems, zips and buttons.', 'Will teach you to do it.', 'Has a sewing machine at the hub.'], where: 'venue' },
	{ does: 'drives people to hospital appointments', themes: ['getting-about', 'helping-out'], trade: 'driver', details: ['Waits and brings you home.', 'Can help with a wheelchair.', 'Petrol money welcome but not needed.'], where: 'home' },
	{ does: 'sits with someone so their carer can have a break', themes: ['caring-for-someone', 'helping-out'], trade: 'nurse', details: ['Has cared for people with dementia for years.', 'Brings a puzzle or a photo album.', 'An afternoon off makes a difference.'], where: 'home' },
	{ does: 'cooks curry for a crowd', themes: ['food', 'company-and-a-cuppa'], trade: 'cook', details: ['Mild or hot, as you like.', 'Cooks for fundraisers.', 'Will teach the family recipe.'], where: 'venue' },
	{ does: 'teaches Polish to children and grown-ups', themes: ['learning'], trade: 'teacher', details: ['Songs, games and words for the shop.', 'Books to borrow.', 'Patient with every accent.'], where: 'venue' },
	{ does: 'cuts hair for people who cannot get out', themes: ['caring-for-someone', 'helping-out'], trade: 'hairdresser', details: ['Comes to your home.', 'Trained to work with people living with dementia.', 'Charges a small donation.'], where: 'home' },
];

const STORY_OPENINGS = [
	'I moved here after my husband died, and I did not know a soul.',
	'For a long time I only went out to the shops and back.',
	'My daughter kept saying I should get out more.',
	'I was a carer for eleven years, and then suddenly I was not.',
	'When I retired, the days were very long.',
	'We came to this country with two suitcases and a baby.',
	'After my stroke I lost my confidence.',
	'I used to walk past that door every day.',
	'My doctor gave me a leaflet, and I put it in a drawer.',
	'I had not sung since I was at school.',
	'The winter after the operation was the loneliest of my life.',
	'I thought groups were for other people.',
];
const STORY_MIDDLES = [
	'I stood outside for five minutes before I went in.',
	'Someone I had never met made me a cup of tea and asked my name.',
	'Nobody asked me why I was there.',
	'By the end of the afternoon I was laughing.',
	'I was nervous, but the others had all been new once.',
	'They gave me a job to do, and that helped.',
	'I went back the next week, and the week after.',
	'Now I look forward to it all week.',
	'My neighbour came with me the first time.',
	'It turned out half the street already went.',
	'The connector rang me the day before to check I was still coming.',
	'I found out I was good at something I had never tried.',
];
const STORY_ENDINGS = [
	'If you are thinking about it, just go. You will be glad you did.',
	'I have made more friends in a year than in the ten before.',
	'Now I am the one who makes the tea for the new people.',
	'It is not a cure for anything. But it is a reason to get up.',
	'My family say I am a different person.',
	'I still miss him every day. But I am not on my own any more.',
	'Ask for me if you come. I will be the one in the corner, talking.',
	'It gave me my neighbourhood back.',
];
const POLISH_PARAGRAPHS = [
	'Przyjechałam tutaj z małym dzieckiem i nie znałam nikogo. W bibliotece zobaczyłam plakat po polsku.',
	'W sobotę chodzę do klubu. Tam poznałam nowe przyjaciółki. Dzieci bawią się razem, a my pijemy kawę.',
	'Jeśli jesteś tu nowa, idź do biblioteki i zapytaj, co się dzieje. Ktoś ci pomoże.',
];

const PICTURES = [
	{ file: 'garden.png', alt: 'Raised vegetable beds and a wooden bench in a small garden.', colours: [[142, 196, 232], [76, 140, 60]] },
	{ file: 'hall.png', alt: 'A bright hall with tables set out for tea.', colours: [[240, 228, 200], [170, 120, 80]] },
	{ file: 'park.png', alt: 'A path through the park, with trees on both sides.', colours: [[170, 210, 240], [90, 160, 70]] },
	{ file: 'canal.png', alt: 'A narrowboat moored by the towpath.', colours: [[190, 220, 240], [60, 100, 130]] },
	{ file: 'group.png', alt: 'People sitting round a table, talking and smiling.', colours: [[250, 240, 220], [200, 90, 60]] },
] as const;

/* ------------------------------------------------------------------ *
 * Writing.
 * ------------------------------------------------------------------ */

interface Place {
	place: string;
	address: string;
	postcode: string;
}

interface PlannedAsset {
	slug: string;
	title: string;
	kind: string;
	themes: ThemeId[];
	draft: boolean;
}

class CorpusWriter {
	readonly random: Random;
	readonly options: Required<Omit<CorpusOptions, 'dir'>>;
	readonly asOf: Date;
	readonly withheld = new Set<string>();
	readonly usedNeighbourhoodNames = new Set<string>();

	constructor(options: CorpusOptions) {
		for (const key of ['neighbourhoods', 'assetsPerNeighbourhood', 'storiesPerNeighbourhood'] as const) {
			if (!Number.isInteger(options[key]) || options[key] < 0) throw new Error(`${key} must be a whole number, 0 or more (got ${options[key]})`);
		}
		if (options.neighbourhoods < 1) throw new Error('neighbourhoods must be 1 or more');
		this.options = {
			neighbourhoods: options.neighbourhoods,
			assetsPerNeighbourhood: options.assetsPerNeighbourhood,
			storiesPerNeighbourhood: options.storiesPerNeighbourhood,
			seed: options.seed ?? 1,
			asOf: options.asOf ?? '2026-06-01',
			mdxShare: options.mdxShare ?? 0.25,
			pictureShare: options.pictureShare ?? 0.2,
			draftShare: options.draftShare ?? 0,
		};
		this.asOf = new Date(`${this.options.asOf}T00:00:00Z`);
		if (Number.isNaN(this.asOf.getTime())) throw new Error(`asOf "${options.asOf}" is not a date (write it like 2026-06-01)`);
		this.random = new Random(this.options.seed);
	}

	write(dir: string): Corpus {
		writeFileSync(path.join(dir, 'site.yaml'), yamlDocument(this.site()));
		writeFileSync(
			path.join(dir, 'themes.yaml'),
			`# What matters to you? Every theme named by an entry must be listed here.\n${THEMES.map(([id, label, description]) => `- id: ${id}\n  label: ${scalar(label)}\n  description: ${scalar(description)}\n`).join('')}`,
		);
		const hoods = Array.from({ length: this.options.neighbourhoods }, (_, i) => this.neighbourhoodName(i));
		const result: CorpusNeighbourhood[] = [];
		let assets = 0;
		let stories = 0;
		// Plan every neighbourhood's assets first, so stories can link across neighbourhoods.
		const plans = hoods.map(({ n, name }) => ({ n, name, streets: this.streets(), assets: [] as PlannedAsset[] }));
		for (const plan of plans) {
			const hoodDir = path.join(dir, 'neighbourhoods', plan.n);
			mkdirSync(path.join(hoodDir, 'assets'), { recursive: true });
			mkdirSync(path.join(hoodDir, 'stories'), { recursive: true });
			const pictures = this.options.pictureShare > 0 && this.options.assetsPerNeighbourhood + this.options.storiesPerNeighbourhood > 0;
			if (pictures) {
				mkdirSync(path.join(hoodDir, 'images'), { recursive: true });
				for (const [file, png] of this.pictures()) writeFileSync(path.join(hoodDir, 'images', file), png);
			}
			writeFileSync(path.join(hoodDir, 'index.md'), this.neighbourhoodFile(plan.name, plan.streets));
			const slugs = new Set<string>();
			const titles = new Set<string>();
			for (let i = 0; i < this.options.assetsPerNeighbourhood; i++) {
				const { planned, file } = this.assetFile(plan.name, plan.streets, slugs, titles);
				plan.assets.push(planned);
				writeFileSync(path.join(hoodDir, 'assets', `${planned.slug}.md`), file);
				if (!planned.draft) assets++;
			}
			// Old names for a few entries, never the name of a live one.
			for (const planned of plan.assets) {
				if (!this.random.chance(0.03)) continue;
				const alias = `${planned.slug}-old`;
				if (slugs.has(alias)) continue;
				slugs.add(alias);
				const file = path.join(hoodDir, 'assets', `${planned.slug}.md`);
				const text = readFileSync(file, 'utf8').replace(/\nlast_checked:/, `\naliases: [${alias}]\nlast_checked:`);
				writeFileSync(file, text);
			}
		}
		for (const plan of plans) {
			const hoodDir = path.join(dir, 'neighbourhoods', plan.n);
			const storySlugs = new Set<string>();
			const others = plans.filter((p) => p !== plan && p.assets.some((a) => !a.draft));
			for (let i = 0; i < this.options.storiesPerNeighbourhood; i++) {
				const story = this.storyFile(plan, others, storySlugs);
				writeFileSync(path.join(hoodDir, 'stories', `${story.slug}.${story.mdx ? 'mdx' : 'md'}`), story.file);
				if (!story.draft) stories++;
			}
			result.push({ n: plan.n, name: plan.name, assets: plan.assets.map((a) => a.slug), stories: [...storySlugs] });
		}
		return {
			dir,
			neighbourhoods: result,
			assets,
			stories,
			entryPages: result.length + assets + stories,
			withheldNames: [...this.withheld].sort(),
		};
	}

	#pictures?: Map<string, Buffer>;
	/** The same few pictures in every neighbourhood: drawing them once keeps big corpora quick to write. */
	pictures(): Map<string, Buffer> {
		this.#pictures ??= new Map(PICTURES.map((picture) => [picture.file, scenePng(picture.colours[0], picture.colours[1], new Random(this.options.seed + picture.file.length))]));
		return this.#pictures;
	}

	site() {
		return {
			title: `Good Life Guides for ${TOWN}`,
			description: `Neighbourhood guides to the people, groups and places of ${TOWN}, written by the residents who know them.`,
			url: 'https://guides.example.org/',
			language: 'en-GB',
			timezone: 'Europe/London',
			edit_url: 'https://github.com/good-life-guides/guides/edit/main/content/',
			suggest: 'mailto:hello@example.org',
			stale_after_months: 12,
		};
	}

	neighbourhoodName(index: number): { n: string; name: string } {
		for (let attempt = 0; ; attempt++) {
			const prefix = attempt < 20 ? '' : this.random.pick(NEIGHBOURHOOD_PREFIXES);
			const name = `${prefix}${this.random.pick(PLACE_WORDS)}${this.random.pick(NEIGHBOURHOOD_ENDINGS)}`;
			const final = attempt > 200 ? `${name} ${index + 1}` : name;
			if (this.usedNeighbourhoodNames.has(final)) continue;
			this.usedNeighbourhoodNames.add(final);
			return { n: slugify(final), name: final };
		}
	}

	streets(): string[] {
		const streets = new Set<string>();
		const count = this.random.int(6, 10);
		while (streets.size < count) streets.add(`${this.random.pick(PLACE_WORDS)} ${this.random.pick(STREET_TYPES)}`);
		return [...streets];
	}

	person(): string {
		return `${this.random.pick(FIRST_NAMES)} ${this.random.pick(SURNAMES)}`;
	}

	phone(): string {
		return this.random.weighted([
			[`01632 960${String(this.random.int(0, 999)).padStart(3, '0')}`, 4],
			[`07700 900${String(this.random.int(0, 999)).padStart(3, '0')}`, 3],
			[`0113 496 0${String(this.random.int(0, 999)).padStart(3, '0')}`, 2],
		]);
	}

	postcode(): string {
		const letters = 'ABDEFGHJLNPQRSTUWXYZ';
		return `KV${this.random.int(1, 9)} ${this.random.int(1, 9)}${this.random.pick([...letters])}${this.random.pick([...letters])}`;
	}

	date(maxDaysAgo: number, minDaysAgo = 0): string {
		const days = this.random.int(minDaysAgo, maxDaysAgo);
		return new Date(this.asOf.getTime() - days * 86_400_000).toISOString().slice(0, 10);
	}

	venue(name: string, streets: string[]): Place {
		const street = this.random.pick(streets);
		const kind = this.random.pick(VENUE_TYPES);
		const place = this.random.weighted([
			[`${street.split(' ')[0]} ${kind}`, 3],
			[`${name} ${kind}`, 2],
			[`St ${this.random.pick(['Anne', 'Hilda', 'Mary', 'John', 'Paul', 'Peter', 'Aidan', 'Chad', 'Michael'])}'s ${this.random.pick(['Church Hall', 'Centre', 'Parish Rooms'])}`, 2],
		]);
		return { place, address: `${this.random.int(1, 180)} ${street}, ${TOWN}`, postcode: this.postcode() };
	}

	neighbourhoodFile(name: string, streets: string[]): string {
		const connectors = Array.from({ length: this.random.int(1, 3) }, (_, i) => {
			const person = this.person();
			const [first] = person.split(' ');
			return {
				name: person,
				role: i === 0 ? `Community connector, ${name} Residents' Association` : this.random.pick([`Social prescribing link worker, ${name} Surgery`, 'Volunteer connector. Knows everyone on the estate.', 'Vicar, happy to help anyone, church or not.', 'Family connector (volunteer). Speaks Polish and English.']),
				phone: this.phone(),
				email: `${first.toLowerCase()}@example.org`,
				when: this.random.pick(['Weekday mornings', 'Tuesday, Wednesday and Thursday, 9.30am to 1pm', 'Most days. Leave a message and they will ring you back.', 'Monday to Friday, at the surgery', 'Weekdays, 10am to 4pm, at the hub']),
			};
		});
		const data = {
			name,
			summary: clipSentences(`${this.random.pick(['Terraced streets', 'Quiet streets of semis and bungalows', 'An estate of houses and flats', 'Old mill cottages and new houses'])} round ${this.random.pick(streets)} and ${this.random.pick(streets)}. ${this.random.pick(['Many of us have lived here fifty years.', 'Young families, old hands and everyone in between.', 'People from all over the world live here now.', 'We are glad when new people come.'])}`, SUMMARY_COMFORTABLE_LENGTH),
			area: `${listInWords(streets)}, with the shops on ${streets[0].split(' ')[0]} Parade and the ${this.random.pick(['park', 'canal', 'church', 'library', 'school'])}.`,
			population: this.random.int(3000, 5000),
			languages: this.random.pick([['en-GB'], ['en-GB', 'pl'], ['en-GB', 'ur', 'pa'], ['en-GB', 'ro', 'pl'], ['en-GB', 'ml']]),
			connectors,
			surgeries: [{ name: `${name} Surgery`, url: `https://example.org/${slugify(name)}-surgery` }, ...(this.random.chance(0.5) ? [{ name: `${TOWN} Health Centre`, url: 'https://example.org/health-centre' }] : [])],
			maintained_by: { name: `${name} Residents' Association`, email: `${slugify(name)}@example.org`, url: `https://example.org/${slugify(name)}` },
		};
		const body = [
			`${name} grew up round the ${this.random.pick(['mill', 'canal', 'railway', 'church', 'market', 'pit'])}. ${this.random.pick(['Most of the old buildings are still here.', 'The old buildings are flats now.', 'You can still see where the tram lines ran.'])} ${this.random.pick(['Children play out on the green in summer.', 'The shops on the parade are where everyone meets.', 'Everyone knows the lollipop lady.'])}`,
			`${this.random.pick(['A lot of us live on our own.', 'Many of us look after someone.', 'There is a great deal of know-how on these streets.'])} Retired ${this.random.pick(['nurses', 'teachers', 'joiners', 'bus drivers', 'weavers', 'miners'])}, ${this.random.pick(['gardeners', 'cooks', 'mechanics', 'singers'])} and ${this.random.pick(['bakers', 'shopkeepers', 'builders', 'dressmakers'])} live here. This guide is about what we can do for each other.`,
			`If you are new, you are very welcome. ${this.random.pick(['Knock on a door.', 'Ask at the library.', 'Sit at the chatty table in the café.', 'Ring one of the people below.'])}`,
		].join('\n\n');
		return `---\n${yamlFields(data)}---\n\n${body}\n`;
	}

	assetFile(hoodName: string, streets: string[], slugs: Set<string>, titles: Set<string>): { planned: PlannedAsset; file: string } {
		const r = this.random;
		const kind = r.weighted([
			['group', 35],
			['gift', 20],
			['place', 15],
			['organisation', 15],
			['business', 15],
		] as const);
		let consentLevel: 'public' | 'first-name' | 'via-connector' | undefined;
		let contactRecord: Record<string, string> | undefined;
		let body: string[] = [];
		let themes: ThemeId[];
		let title: string;
		let summary: string;
		let venue: Place | undefined = this.venue(hoodName, streets);
		let opening: 'regular' | 'daylight' | 'hours' | 'services' | 'none' | 'arranged' = 'regular';

		if (kind === 'group' || kind === 'organisation') {
			const activity = r.pick(kind === 'group' ? GROUP_ACTIVITIES : ORGANISATIONS);
			themes = activity.themes;
			title = r.weighted([
				[activity.name, 2],
				[`${placeWord(venue)} ${activity.name}`, 3],
				[`${hoodName} ${activity.name}`, 3],
				[`${activity.name} at ${venue.place}`, 2],
			]);
			summary = `${capitalise(activity.what)}, at ${venue.place}. ${r.pick(['Everyone is welcome.', 'New faces are always welcome.', 'Come on your own or bring a friend.', 'Carers welcome too.'])}`;
			body = [
				`${r.pick(['We meet', 'We get together', 'People come along'])} in ${r.pick(['the main room', 'the back room', 'the small hall', 'the room upstairs (there is a lift)'])} at ${venue.place}. ${r.sample(activity.details, 2).join(' ')}`,
				`${r.sample(activity.details, 2).join(' ')} ${r.pick(['Tea and coffee are on the side.', 'There is always a biscuit.', 'The kettle is always on.'])}`,
			];
			if (kind === 'organisation') opening = r.pick(['regular', 'hours', 'arranged'] as const);
		} else if (kind === 'place') {
			const place = r.pick(PLACE_KINDS);
			themes = place.themes;
			const name =
				place.type === 'Bench'
					? `The bench on ${r.pick(streets)}`
					: place.type === 'Towpath'
						? `${hoodName} towpath`
						: `${r.pick([r.pick(PLACE_WORDS), hoodName, r.pick(SURNAMES)])} ${place.type}`;
			title = name;
			venue = { ...venue, place: name };
			summary = `${capitalise(place.what)}. ${r.pick(['Free to visit.', 'Open to everyone.', 'A good place to start.'])}`;
			body = [r.sample(place.details, 2).join(' '), r.sample(place.details, 2).join(' ')];
			opening = place.opening;
		} else if (kind === 'business') {
			const business = r.pick(BUSINESSES);
			themes = business.themes;
			title =
				business.type === 'Pub'
					? `The ${r.pick(PUB_NAMES)}`
					: r.pick([`${r.pick(FIRST_NAMES)}'s ${business.type}`, `${placeWord(venue)} ${business.type}`, `${hoodName} ${business.type}`]);
			venue = { ...venue, place: title };
			summary = `${capitalise(business.what)}. ${r.pick(['Family run for years.', 'Everyone is welcome.', 'Just pop in.'])}`;
			body = [r.sample(business.details, 2).join(' '), r.sample(business.details, 2).join(' ')];
			opening = 'hours';
		} else {
			const gift = r.pick(GIFTS);
			themes = gift.themes;
			const consent = r.weighted([
				['public', 3],
				['first-name', 4],
				['via-connector', 3],
			] as const);
			const first = r.pick(FIRST_NAMES);
			let recordedName: string;
			if (consent === 'public') {
				recordedName = `${first} ${r.pick(SURNAMES)}`;
				title = `${first} ${gift.does}`;
			} else if (consent === 'first-name') {
				const surname = r.pick(WITHHELD_SURNAMES);
				this.withheld.add(surname);
				recordedName = `${first} ${surname}`;
				title = `${first} ${gift.does}`;
			} else {
				const hiddenFirst = r.pick(WITHHELD_FIRST_NAMES);
				const surname = r.pick(WITHHELD_SURNAMES);
				this.withheld.add(hiddenFirst);
				this.withheld.add(surname);
				recordedName = `${hiddenFirst} ${surname}`;
				title = `A ${r.pick(['retired', 'local', 'friendly'])} ${gift.trade} who ${gift.does}`;
			}
			const who = consent === 'via-connector' ? 'This neighbour' : first;
			summary = `${who} ${gift.does}. ${consent === 'public' ? 'Get in touch directly.' : 'Ask a connector, who will introduce you.'}`;
			body = [`${who} ${r.pick(['has done this for years', 'learned it long ago', 'loves to share it', 'says anyone can learn'])}. ${r.sample(gift.details, 2).join(' ')}`, r.pick(['It is a gift, freely given.', 'Say thank you with a cup of tea.', 'Ask, and you will be made welcome.'])];
			consentLevel = consent;
			contactRecord = consent === 'public' ? { name: recordedName, phone: this.phone(), ...(r.chance(0.5) ? { email: `${first.toLowerCase()}.${slugify(recordedName.split(' ')[1])}@example.org` } : {}) } : { name: recordedName, phone: this.phone() };
			if (gift.where === 'home') venue = undefined;
			opening = r.pick(['regular', 'arranged', 'arranged'] as const);
		}

		title = clip(title, 80);
		summary = clipSentences(summary, SUMMARY_COMFORTABLE_LENGTH);
		// Titles differ within a neighbourhood, as the check asks (two of the same name cannot be told apart): where, then a number.
		const named = title;
		const seen = (t: string) => titles.has(t.toLowerCase());
		if (seen(title) && venue && !title.includes(venue.place)) title = clip(`${named} at ${venue.place}`, 80);
		for (let i = 2; seen(title); i++) title = `${named} (${i})`;
		titles.add(title.toLowerCase());
		let slug = slugify(title);
		for (let i = 2; slugs.has(slug); i++) slug = `${slugify(title)}-${i}`;
		slugs.add(slug);

		const extraTheme = r.chance(0.2) ? [r.pick(THEMES)[0]] : [];
		const allThemes = [...new Set([...themes, ...extraTheme])];
		const fields: Record<string, unknown> = { title, summary, kind, themes: allThemes };
		if (venue) {
			fields.where = {
				place: venue.place,
				...(r.chance(0.85) ? { address: venue.address } : {}),
				...(r.chance(0.8) ? { postcode: venue.postcode } : {}),
				...(r.chance(0.3) ? { directions: r.pick(['Through the green gate at the side.', 'Round the back, by the car park.', 'Up the ramp and through the double doors.', 'Opposite the bus stop, next to the chemist.']) } : {}),
			};
		}
		const { when, whenNote } = this.schedule(opening);
		if (when.length) fields.when = when;
		if (whenNote) fields.when_note = whenNote;
		const cost = r.weighted([
			['free', 5],
			['donation', 2.5],
			['paid', 2.5],
		] as const);
		fields.cost = cost;
		if (cost !== 'free' && r.chance(0.7)) fields.cost_note = cost === 'paid' ? `£${r.int(1, 6)}.${r.pick(['00', '50'])} ${r.pick(['a session', 'for a main course and a pudding', 'a week', 'for the year'])}` : r.pick(['Put what you can in the tin.', 'Most people give a pound.', 'Pay what you can, or nothing.']);
		const justTurnUp = kind !== 'gift' && r.chance(0.55);
		fields.just_turn_up = justTurnUp;
		if (!justTurnUp) {
			fields.how_to_join =
				kind === 'gift' && consentLevel !== 'public'
					? 'Ask one of the connectors, who will introduce you.'
					: r.pick(['Ring first, so we know to expect you.', 'Book a place by the Friday before.', 'Ask at the front desk.', 'Ring or email, and we will tell you more.']);
		}
		const access = r.sample(ACCESS, r.weighted([
			[0, 2],
			[1, 2],
			[2, 3],
			[3, 2],
			[5, 1],
		] as const));
		if (access.length) fields.access = ACCESS.filter((a) => access.includes(a));
		if (kind === 'gift') {
			fields.contact = contactRecord;
			fields.consent = consentLevel;
			fields.consent_date = this.date(500, 30);
		} else if (r.chance(0.85)) {
			const person = this.person();
			fields.contact = {
				name: r.chance(0.6) ? person : `${title.slice(0, 60)} office`,
				phone: this.phone(),
				...(r.chance(0.5) ? { email: `hello@${slug.slice(0, 30)}.example.org` } : {}),
				...(r.chance(0.3) ? { website: `https://example.org/${slug}` } : {}),
			};
		}
		if (r.chance(0.4)) fields.ways_to_help = r.pick(['Bring biscuits, or help wash up.', 'Drive someone here and home again.', 'We need someone to help set out chairs.', 'Donations of wool, tools or seeds are welcome.', 'Come and share what you know.']);
		if (r.chance(0.05)) fields.languages = r.pick([['pl'], ['ur', 'pa'], ['ro'], ['ml'], ['so']]);
		if (r.chance(this.options.pictureShare)) {
			const picture = r.pick(PICTURES);
			fields.image = { src: `../images/${picture.file}`, alt: picture.alt };
		}
		fields.last_checked = this.date(600, 0);
		if (r.chance(0.6)) fields.checked_by = r.pick(FIRST_NAMES);
		const draft = r.chance(this.options.draftShare);
		if (draft) fields.draft = true;

		const planned: PlannedAsset = { slug, title, kind, themes: allThemes, draft };
		return { planned, file: `---\n${yamlFields(fields)}---\n\n${body.join('\n\n')}\n` };
	}

	schedule(opening: 'regular' | 'daylight' | 'hours' | 'services' | 'none' | 'arranged'): { when: Record<string, unknown>[]; whenNote?: string } {
		const r = this.random;
		const slot = (day: Day, start: number, hours: number, extra: Record<string, unknown> = {}) => ({ day, start: hhmm(start), end: hhmm(start + hours), ...extra });
		switch (opening) {
			case 'daylight':
				return { when: [], whenNote: r.pick(['Open in daylight hours.', 'Open every day, dawn to dusk.', 'Always open.']) };
			case 'none':
				return { when: [], whenNote: r.chance(0.5) ? 'Most mornings, weather allowing.' : undefined };
			case 'arranged':
				return { when: [], whenNote: r.pick(['Most Saturdays, by arrangement.', 'Ring first to arrange a time.', 'Whenever suits you both.', 'Evenings and weekends, by arrangement.']) };
			case 'hours': {
				const open = r.pick([8, 9, 9.5, 10]);
				const hours = r.pick([6, 7, 8]);
				const days = r.pick([DAYS.slice(0, 5), DAYS.slice(0, 6), DAYS.slice(1, 6), DAYS]);
				return { when: days.map((d) => slot(d, open, hours)), whenNote: r.chance(0.3) ? 'Closed on bank holidays.' : undefined };
			}
			case 'services':
				return {
					when: [slot('sunday', r.pick([9.5, 10, 10.5]), 1.5), ...(r.chance(0.6) ? [slot(r.pick(DAYS.slice(0, 5)), r.pick([10, 12, 19]), 1)] : [])],
					whenNote: r.chance(0.4) ? 'Open for quiet prayer most weekday mornings.' : undefined,
				};
			case 'regular': {
				const shape = r.weighted([
					['weekly', 50],
					['two-days', 12],
					['monthly', 20],
					['no-times', 5],
					['note-only', 13],
				] as const);
				const day = r.pick(DAYS);
				const start = r.pick([9.5, 10, 10.5, 11, 12, 13, 13.5, 14, 18, 19, 19.5]);
				const hours = r.pick([1, 1.5, 2, 2, 3]);
				const note = r.chance(0.15) ? { note: r.pick(['in the back room', 'in the library', 'upstairs, there is a lift', 'in the garden when it is fine']) } : {};
				const whenNote = r.chance(0.2) ? r.pick(['Not in August.', 'Term time only.', 'Ring first if it is snowing.', 'Closed over Christmas.']) : undefined;
				switch (shape) {
					case 'weekly':
						return { when: [slot(day, start, hours, note)], whenNote };
					case 'two-days': {
						const second = DAYS[(DAYS.indexOf(day) + r.int(2, 3)) % 7];
						return { when: [slot(day, start, hours), slot(second, start, hours)], whenNote };
					}
					case 'monthly':
						return { when: [slot(day, start, hours, { weeks: r.pick([[1], [1, 3], [2, 4], ['last'], [2]]), ...note })], whenNote };
					case 'no-times':
						return { when: [{ day }], whenNote: whenNote ?? 'Times vary, so ring first.' };
					case 'note-only':
						return { when: [], whenNote: r.pick(['Ring first to arrange a time.', 'Most weeks, usually in the afternoon.', 'Dates go up on the noticeboard.']) };
				}
			}
		}
	}

	storyFile(plan: { n: string; name: string; streets: string[]; assets: PlannedAsset[] }, others: { n: string; assets: PlannedAsset[] }[], slugs: Set<string>) {
		const r = this.random;
		const live = plan.assets.filter((a) => !a.draft);
		const linked = r.sample(live, r.weighted([
			[0, 1],
			[1, 5],
			[2, 3],
			[3, 1],
		] as const));
		const refs = linked.map((a) => a.slug);
		const other = others.length && r.chance(0.1) ? r.pick(others) : undefined;
		const otherAsset = other ? r.pick(other.assets.filter((a) => !a.draft)) : undefined;
		if (other && otherAsset) refs.push(`${other.n}/${otherAsset.slug}`);
		const main = linked[0];
		const day = DAY_WORDS[r.pick(DAYS)];
		const first = r.pick(FIRST_NAMES);
		const title = clip(
			main
				? r.pick([`How I found ${main.title}`, `Why I go to ${main.title}`, `A reason to get up on a ${day}`, `${main.title} got me out of the house`, `What ${main.title} means to me`])
				: r.pick([`The day I met my neighbours`, `A reason to get up on a ${day}`, `Learning to ask for help`, `Coming home to ${plan.name}`]),
			100,
		);
		let slug = slugify(title);
		for (let i = 2; slugs.has(slug); i++) slug = `${slugify(title)}-${i}`;
		slugs.add(slug);
		const polish = r.chance(0.03);
		const mdx = linked.length > 0 && r.chance(this.options.mdxShare);
		const date = this.date(700, 7);
		const consentDate = new Date(Date.parse(date) - r.int(0, 14) * 86_400_000).toISOString().slice(0, 10);
		const themes = [...new Set(linked.flatMap((a) => a.themes))].slice(0, 3);
		const fields: Record<string, unknown> = {
			title,
			summary: clipSentences(`${first} ${r.pick(['was lonely', 'had just moved here', 'was caring for her husband', 'had lost his confidence', 'did not know anyone'])}. ${main ? `Then ${first} found ${main.title}.` : 'Then a neighbour knocked on the door.'}`, SUMMARY_COMFORTABLE_LENGTH),
			author: r.pick([`${first}, ${r.pick(plan.streets)}`, 'A neighbour', first]),
			date,
			...(themes.length ? { themes } : {}),
			...(refs.length ? { assets: refs } : {}),
			consent: { given: true, date: consentDate },
		};
		if (polish) fields.language = 'pl';
		if (r.chance(this.options.pictureShare)) {
			const picture = r.pick(PICTURES);
			fields.image = { src: `../images/${picture.file}`, alt: picture.alt };
		}
		const draft = r.chance(this.options.draftShare);
		if (draft) fields.draft = true;
		let paragraphs: string[];
		if (polish) {
			paragraphs = r.sample(POLISH_PARAGRAPHS, 3);
		} else {
			paragraphs = [
				r.sample(STORY_OPENINGS, 2).join(' '),
				main ? `${r.pick(['A neighbour told me about', 'The connector told me about', 'I saw a poster for', 'My doctor wrote down'])} ${main.title}. ${r.pick(STORY_MIDDLES)}` : r.pick(STORY_MIDDLES),
				`${r.sample(STORY_MIDDLES, 2).join(' ')} I go on a ${day} now.`,
				...linked.slice(1).map((a) => `Through them I found ${a.title} as well. ${r.pick(STORY_MIDDLES)}`),
				r.pick(STORY_ENDINGS),
			];
		}
		if (mdx && main) {
			const quote = r.pick(STORY_ENDINGS);
			paragraphs.splice(2, 0, `<PullQuote by="${fields.author as string}">${quote}</PullQuote>`);
			paragraphs.splice(paragraphs.length - 1, 0, `<AssetCard slug="${main.slug}" />`);
		}
		return { slug, mdx, draft, file: `---\n${yamlFields(fields)}---\n\n${paragraphs.join('\n\n')}\n` };
	}
}

/* ------------------------------------------------------------------ *
 * Small helpers.
 * ------------------------------------------------------------------ */

/** The street's own word, "Loom" for "12 Loom Lane": names a group after where it meets. */
function placeWord(venue: Place): string {
	return venue.address.replace(/^\d+ /, '').split(' ')[0];
}

function hhmm(hours: number): string {
	const h = Math.floor(hours);
	const m = Math.round((hours - h) * 60);
	return `${String(Math.min(h, 23)).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

function slugify(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/'s\b/g, 's')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

function listInWords(items: readonly string[]): string {
	return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function clip(text: string, max: number): string {
	if (text.length <= max) return text;
	return text.slice(0, max).replace(/\s+\S*$/, '');
}

/** Drop whole sentences from the end until it fits. */
function clipSentences(text: string, max: number): string {
	let out = text;
	while (out.length > max) {
		const cut = out.slice(0, -1).lastIndexOf('. ');
		if (cut < 0) return clip(out, max);
		out = out.slice(0, cut + 1);
	}
	return out;
}

/* YAML, written the way editors write it: plain where safe, quoted where not. */

const PLAIN = /^[A-Za-z£][A-Za-z0-9 ,.'’()&£!?/-]*$/;
const YAML_WORDS = /^(yes|no|true|false|on|off|null|y|n|~)$/i;

function scalar(value: unknown): string {
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	const text = String(value);
	if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
	if (PLAIN.test(text) && !YAML_WORDS.test(text) && !text.includes(': ') && !text.endsWith(':') && !text.includes(' #') && text.trim() === text) return text;
	return JSON.stringify(text);
}

/** An item of a `[a, b]` list, where a comma would split it. */
function flowScalar(value: unknown): string {
	const text = scalar(value);
	return /[,[\]{}]/.test(text) && !text.startsWith('"') ? JSON.stringify(String(value)) : text;
}

function isPlainList(value: unknown[]): boolean {
	return value.every((v) => typeof v !== 'object' || v === null);
}

function yamlFields(data: Record<string, unknown>, indent = ''): string {
	let out = '';
	for (const [key, value] of Object.entries(data)) {
		if (value === undefined) continue;
		if (Array.isArray(value)) {
			if (isPlainList(value)) {
				out += `${indent}${key}: [${value.map(flowScalar).join(', ')}]\n`;
			} else {
				out += `${indent}${key}:\n`;
				for (const item of value) {
					const inner = yamlFields(item as Record<string, unknown>, `${indent}    `).replace(/^\s+/, '');
					out += `${indent}  - ${inner}`;
				}
			}
		} else if (typeof value === 'object' && value !== null) {
			out += `${indent}${key}:\n${yamlFields(value as Record<string, unknown>, `${indent}  `)}`;
		} else {
			out += `${indent}${key}: ${scalar(value)}\n`;
		}
	}
	return out;
}

function yamlDocument(data: Record<string, unknown>): string {
	return yamlFields(data);
}

/* A small picture: sky over ground with a few shapes, as a real PNG. */

function scenePng(sky: readonly number[], ground: readonly number[], r: Random): Buffer {
	const width = 480;
	const height = 320;
	const horizon = r.int(150, 210);
	const shapes = Array.from({ length: r.int(2, 5) }, () => ({ x: r.int(20, 440), y: r.int(horizon - 60, horizon + 40), w: r.int(20, 80), h: r.int(20, 70), c: [r.int(40, 220), r.int(40, 220), r.int(40, 220)] }));
	const raw = Buffer.alloc((width * 3 + 1) * height);
	for (let y = 0; y < height; y++) {
		const row = y * (width * 3 + 1);
		raw[row] = 0;
		for (let x = 0; x < width; x++) {
			let colour: readonly number[] = y < horizon ? sky : ground;
			for (const s of shapes) if (x >= s.x && x < s.x + s.w && y >= s.y && y < s.y + s.h) colour = s.c;
			raw.set(colour, row + 1 + x * 3);
		}
	}
	const chunk = (type: string, data: Buffer) => {
		const length = Buffer.alloc(4);
		length.writeUInt32BE(data.length);
		const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
		const crc = Buffer.alloc(4);
		crc.writeUInt32BE(crc32(typed));
		return Buffer.concat([length, typed, crc]);
	};
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header.set([8, 2, 0, 0, 0], 8);
	return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
