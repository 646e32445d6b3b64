//! The word lists, one class bit each; `super::table` indexes them.

use super::Class;

/// Lowercase nouns after a name that make it a work, event, law or craft: the Mars Sample
/// Return "program", the Perseverance "rover".
pub const OTHER_NEXT: Class = 1 << 22;
pub(super) const OTHER_NEXT_WORDS: &str =
    "program programme mission project initiative scheme rover
    spacecraft probe satellite telescope rocket aircraft jet vessel ship missile missiles
    vaccine drug treaty accord summit festival tournament award prize index";
/// First words of names of storms and operations: Hurricane Helene.
pub const OTHER_HEAD: Class = 1 << 23;
pub(super) const OTHER_HEAD_WORDS: &str = "hurricane typhoon cyclone storm tropical operation";

/// Words like "Lebanese", "Western" or "Sunni": adjectives, never entities alone.
pub const DEMONYM: Class = 1 << 30;
/// Directions that form adjectives with a demonym ("South Korean").
pub const DIRECTION: Class = 1 << 31;

/// Words that start sentences or are capitalised for emphasis but never name anything.
pub const STOP: Class = 1 << 0;
pub(super) const STOP_WORDS: &str =
    "a an the this that these those there here it its it's i i'm i've i'd we we're our us you your
    he his him she her they their them who whom whose which what when where why how whether if
    then than so yet but and or nor not no yes both either neither each every all any some many
    much more most few several such other another one two three four five six seven eight nine ten
    eleven twelve twenty thirty forty fifty hundred thousand million billion first second third
    last next new old as at by for from in into of off on onto out over under up down to with
    within without about above across after against along amid among around before behind below
    beneath beside besides between beyond despite during except inside near outside since through
    throughout toward towards until unlike upon via while although though because unless once
    whereas whatever whoever whichever whenever wherever
    according asked asking speaking follow subscribe click meanwhile however moreover furthermore nevertheless
    nonetheless instead still also even just only already again later earlier now today tonight
    yesterday tomorrow currently recently finally eventually indeed perhaps maybe often sometimes
    never always overall together otherwise thus therefore hence accordingly elsewhere
    additionally notably separately similarly likewise specifically previously initially
    ultimately instead regardless amidst following including excluding given let let's please
    thank thanks sorry well oh ok okay no none nothing something everything anything someone
    everyone anyone nobody everybody officials analysts experts critics sources investors
    traders economists residents witnesses people police troops soldiers shares stocks prices
    prosecutors investigators lawyers researchers scientists doctors rescuers protesters
    demonstrators lawmakers legislators regulators negotiators mediators militants fighters
    workers employees students teachers patients families parents children citizens voters
    ministers leaders executives companies banks governments countries states nations allies
    rivals critics supporters opponents observers organisers organizers forecasters
    meteorologists
    markets sales talks negotiators diplomats lawmakers voters authorities leaders officers
    government governments army state states president minister according breaking update
    updated editor editors note notes related read see watch live exclusive analysis explainer
    factbox timeline opinion comment photos video reporting writing editing additional
    image images source sources via reuters-style is are was were be been being has have had do
    does did will would shall should can could may might must ought";

/// Days, months and holidays: dates, not entities.
pub const TEMPORAL: Class = 1 << 1;
pub(super) const TEMPORAL_WORDS: &str =
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs
    fri sat sun january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec christmas easter ramadan eid
    hanukkah passover thanksgiving halloween diwali yom kippur ramadan";

/// Capitalised titles that come before a person's name.
pub const TITLE_BASE: Class = 1 << 2;
pub(super) const TITLE_BASE_WORDS: &str =
    "president president-elect minister secretary secretary-general chancellor governor gov gov.
    chair chairman chairwoman chairperson director director-general adviser advisor ambassador
    envoy spokesman spokeswoman spokesperson commander general gen gen. lieutenant lt lt. colonel
    col col. captain capt capt. admiral adm adm. sergeant sgt sgt. senator sen sen. representative
    rep rep. congressman congresswoman mayor king queen prince princess sheikh emir sultan
    ayatollah pope cardinal bishop archbishop rabbi imam judge justice ceo cfo coo cto officer
    executive premier speaker leader treasurer commissioner prosecutor counsel professor prof
    prof. dr dr. mr mr. mrs mrs. ms ms. sir dame lord lady coach founder co-founder chief
    superintendent inspector attorney administrator councillor councilor councilman
    councilwoman alderman alderwoman assemblyman assemblywoman committeeman committeewoman
    delegate sheriff reverend rev
    rev. pastor pres pres. sens sens. senators reps reps. govs govs. governors presidents";

/// Words that can stand before a title inside it: "Prime" Minister, "Foreign" Minister.
pub const TITLE_MOD: Class = 1 << 3;
pub(super) const TITLE_MOD_WORDS: &str =
    "prime vice deputy foreign defense defence finance treasury interior home health
    economy economic economics trade energy justice education agriculture transport
    transportation labor labour commerce culture environment industry information intelligence
    security national homeland state chief executive supreme senior acting interim former crown
    attorney army military opposition majority minority house senate party central managing
    general assistant under associate principal special first grand high cabinet";

/// Lowercase role nouns that, right before a capitalised name, say it is a person.
pub const ROLE_NOUNS: Class = 1 << 4;
pub(super) const ROLE_NOUNS_WORDS: &str =
    "president president-elect minister secretary chancellor governor chair chairman
    chairwoman director adviser advisor ambassador envoy spokesman spokeswoman spokesperson
    commander general senator lawmaker legislator representative congressman congresswoman
    mayor king queen prince princess judge justice executive ceo officer founder co-founder
    analyst economist strategist professor researcher scientist lawyer attorney chief
    candidate nominee incumbent challenger premier speaker coach striker midfielder actor
    actress singer rapper author writer journalist correspondent reporter activist prosecutor
    investor billionaire entrepreneur banker manager leader deputy negotiator mediator
    commentator historian economist policymaker diplomat cleric rabbi imam pastor priest
    bishop cardinal pope sheikh emir colonel captain sergeant lieutenant admiral minister
    head boss partner owner analysts economists strategists executives officials researchers
    lawyers experts advisers advisors bankers traders investors aide aides operative
    operatives insider insiders surgeon neurosurgeon doctor physician nurse teacher student
    donor organizer organiser commissioner sheriff superintendent trustee treasurer comptroller
    editor moderator";

/// Last words of organisation names: Council, Ministry, Party, Inc.
pub const ORG_TAIL: Class = 1 << 5;
pub(super) const ORG_TAIL_WORDS: &str =
    "council ministry party assembly agency inc inc. corp corp. corporation co co. ltd ltd.
    llc plc ag sa se nv gmbh group commission authority front bank reserve fund organization
    organisation union association committee court department office institute university
    college school company foundation federation army forces force navy police service services
    board senate congress parliament cabinet government administration times post news journal
    survey regulator regulators power transit water security campaign globe review register caller
    insider examiner monitor observer chronicle inquirer sentinel courier dispatch magazine
    herald telegraph tribune gazette sun press airlines airways motors technologies technology
    systems holdings partners capital securities exchange network media brigades brigade
    movement alliance coalition guard guards corps club society center centre trust treasury
    bureau directorate secretariat tribunal bloc league team studios pictures records
    entertainment pharmaceuticals pharma industries bancorp financial insurance labs
    laboratories robotics therapeutics hospital clinic church chamber caucus command mission
    embassy consulate platforms software semiconductor semiconductors electronics telecom
    communications railway railways energy petroleum oil gas mining steel motor automotive
    electric investments ventures dynamics aerospace solutions brands foods beverages stores
    mart bancshares commerce cooperative co-op fc united institution academy observatory
    initiative taskforce unit management devices instruments materials chemicals resources
    logistics properties realty advisors advisers associates consulting consultants research
    analytics equity healthcare biotech hotels resorts mills works shipping lines express
    apparel cosmetics networks broadcasting studio house chiefs institutes enforcement
    books publishers publishing enterprises radio television ministries project museum museums
    library circuit reports rovers rangers wanderers albion hotspur athletic";

/// First words of organisation names built with "of": Bank of England, Ministry of Defence.
pub const ORG_HEAD: Class = 1 << 6;
pub(super) const ORG_HEAD_WORDS: &str =
    "bank ministry department university office council court house church institute
    organization organisation league federation association commission committee board union
    chamber academy college school museum party order army centers centres center centre
    secretary bureau agency hall workers";

/// Last words of place names: Gaza Strip, Red Sea, Golan Heights.
pub const PLACE_TAIL: Class = 1 << 7;
pub(super) const PLACE_TAIL_WORDS: &str =
    "street avenue road square river sea ocean mountains mountain hills island islands
    valley province region county city bay gulf strait peninsula desert lake coast canal heights
    strip plateau basin delta village town district governorate oblast prefecture territory
    territories beach harbor harbour bridge dam corridor crossing camp quarter highway airport
    border falls park shrine temple cathedral mosque palace tower stadium arena memorial
    monument castle prison station terminal base crater canyon glacier volcano reef forest
    plains hill ridge counties cities towns villages provinces districts hotel inn plaza mansion
    belt streets avenues roads rivers lakes";

/// First words of place names built with "of": Gulf of Mexico, Strait of Hormuz.
pub const PLACE_HEAD: Class = 1 << 8;
pub(super) const PLACE_HEAD_WORDS: &str =
    "gulf sea strait bay isle cape city kingdom republic state province port lake";

/// Last words of names of laws, events, works and prizes.
pub const OTHER_TAIL: Class = 1 << 9;
pub(super) const OTHER_TAIL_WORDS: &str =
    "act bill agreement accord accords treaty protocol convention cup olympics games prize
    award awards summit conference festival championship championships open marathon expo war
    doctrine plan index fashion show amendment charter resolution directive declaration
    manifesto bowl";

/// Corporate suffixes: "Nvidia" and "Nvidia Corp" are the same company.
pub const CORP_SUFFIX: Class = 1 << 10;
pub(super) const CORP_SUFFIX_WORDS: &str =
    "inc inc. corp corp. corporation co co. ltd ltd. llc plc ag sa se nv gmbh group
    holdings company";

/// Trades that close a company's name, which it drops once named ("Veltra" for Veltra
/// Pharma); a town the firm is named after drops them too ("Oakton voters").
pub const TRADE_SUFFIX: Class = 1 << 57;
pub(super) const TRADE_SUFFIX_WORDS: &str =
    "capital energy pharma pharmaceuticals motors airlines airways technologies systems
    partners securities financial insurance labs industries entertainment studios bancorp
    semiconductor semiconductors therapeutics biosciences biotech robotics networks software
    logistics petroleum mining resources foods brands telecom communications chemicals steel";

/// People in the plural who head a group's name before "for": "Citizens for Fair
/// Housing", "Parents for Safer Streets". Not before "of": "Residents of Oakton" are
/// people, not a group.
pub const GROUP_HEAD: Class = 1 << 54;
pub(super) const GROUP_HEAD_WORDS: &str =
    "citizens parents mothers fathers families veterans doctors nurses physicians scientists
    students women men friends voters taxpayers patriots neighbors neighbours residents
    lawyers engineers teachers farmers businesses christians catholics evangelicals
    conservatives progressives democrats republicans libertarians americans";

/// All-capital words that are not organisations.
pub const ACRONYM_STOP: Class = 1 << 11;
pub(super) const ACRONYM_STOP_WORDS: &str =
    "ceo cfo coo cto cio gdp ai tv pm am ok id ipo ipos etf etfs cpi pmi ppi ev evs it pr hr
    q1 q2 q3 q4 fy h1 h2 yoy lng gmt utc est edt et pst pdt bst cet cest esg m&a r&d vat agm covid
    covid-19 hiv aids dna rna ufo usb pdf url faq ceos mp mps mep meps uav uavs ied ieds icbm
    lgbt lgbtq lgbtq+ bc ad bce ce rsvp diy gps suv suvs nft nfts api apis cpu gpu gpus
    bpd kg km mph usd eur gbp jpy cny mw gw kwh ii iii iv vi vii viii ix xi xii ap-style
    breaking update exclusive factbox analysis video photos live new old war vp o.k.";

/// Verbs that introduce or follow a quotation.
pub const SPEECH_VERBS: Class = 1 << 12;
pub(super) const SPEECH_VERBS_WORDS: &str =
    "said says say told tells added adds remarked remarks stated states noted notes
    explained explains argued argues warned warns wrote writes asked asks replied replies insisted
    insists declared declares continued continues concluded concludes tweeted posted commented
    comments acknowledged acknowledges admitted admits claimed claims urged urges cautioned
    cautions predicted predicts recalled recalls emphasized emphasised emphasizes emphasises
    stressed stresses suggested suggests announced announces observed observes conceded
    concedes contended contends maintained maintains responded responds quipped joked lamented
    complained vowed vows pledged pledges promised promises affirmed reiterated reiterates
    conveyed wondered mused riffed surmised countered shouted whispered testified proclaimed proclaims describes
    described calls called recounted answered asserted asserts alleged alleges boasted bragged
    charged texted emailed echoed echoes assured assures exclaimed opined retorted
    interjected scoffed fumed barked repeated exhorted remembered pressed demanded demands
    yelled screamed sighed laughed reasoned marveled marvelled gushed snapped groused griped";

/// Participles of reporting verbs, whose speaker is the subject of the main clause: "Roe
/// ended the meeting, saying …".
pub const SPEECH_PARTICIPLES: Class = 1 << 24;
pub(super) const SPEECH_PARTICIPLES_WORDS: &str = "saying adding telling noting writing arguing
    warning explaining insisting declaring calling asking claiming stressing suggesting
    announcing tweeting posting recalling acknowledging admitting predicting urging describing
    arguing promising vowing pointing fearing hoping believing blaming accusing criticizing
    questioning expressing praising yelling shouting chanting screaming joking quipping
    replying responding answering remarking stating commenting";

/// Bare reporting verbs after "to" or an auxiliary: "went on to say", "did not say".
pub const SPEECH_BASE: Class = 1 << 25;
pub(super) const SPEECH_BASE_WORDS: &str = "say tell add write argue warn explain insist declare
    call ask claim note suggest announce tweet describe predict acknowledge admit quip joke reply
    respond answer concede";

/// Words that open a clause, so a speaker phrase never reaches back across them.
pub const CLAUSE_OPENERS: Class = 1 << 26;
pub(super) const CLAUSE_OPENERS_WORDS: &str = "that which who whom whose and but or nor because
    when while if as so than though although since until unless where whereas whether once
    said says told";

/// Words between a speaker and the verb that are not part of the speaker: "Roe also said".
pub const SPEECH_FILLERS: Class = 1 << 27;
pub(super) const SPEECH_FILLERS_WORDS: &str = "also later then previously repeatedly once further
    reportedly again recently separately has had have was is were would will just simply
    earlier initially publicly privately flatly bluntly not never often still even quickly
    has had did does do could can may might must shall should are yet only";

/// Words that end a speaker phrase after the verb: "said Roe on Tuesday", "said of Ash".
pub const SPEAKER_ENDS: Class = 1 << 28;
pub(super) const SPEAKER_ENDS_WORDS: &str = "in on at during after before while when with via
    who which that as and but to from of about adding citing according told last this earlier
    later today yesterday tonight";

/// Reporting verbs of documents, polls and outlets ("a new poll found", "Reuters
/// reported"), and verbs crediting a view ("Roe believes", "Ash denied").
pub const REPORT_VERBS: Class = 1 << 29;
pub(super) const REPORT_VERBS_WORDS: &str = "reported reports found finds showed estimated
    estimates revealed reveals concluded concludes believes believed thinks thought expects shows
    expected fears feared hopes hoped worries worried doubts doubted accused accuses criticized
    criticised criticizes blamed blames denied denies confirmed confirms disputed disputes
    praised praises indicated indicates agreed agrees disagreed disagrees show suggest believe
    hope fear think expect worry agree doubt want wants wanted prefer prefers preferred plan
    plans reacted reaffirmed referred cited cites expressed expresses proposed proposes
    pointed points declined endorsed endorses endorse supported supports opposed
    opposes oppose voted released sought seeks condemned condemns denounced denounces refused
    offered chanted attacked dismissed defended defends rejected rejects questioned demanded
    hailed applauded decried railed voiced speculated advocated embraced vouched likened
    blasted slammed touted signaled signalled welcomed challenged mocked ridiculed lambasted
    projected favored favors backed rebuffed protested threatened cheered booed
    objected recommended recommends wonder wonders admire admires admired balked portrayed
    portrays attributed";

/// Nouns for what someone said, after a possessive: "Roe’s claim", "Ash’s remarks".
pub const SPEECH_NOUNS: Class = 1 << 39;
pub(super) const SPEECH_NOUNS_WORDS: &str = "claim claims statement statements comments
    comment remarks remark proposal proposals argument arguments assertion view views position
    warning warnings promise pledge criticism accusation accusations allegation allegations
    testimony announcement tweet tweets letter memo report analysis survey poll estimate
    estimates words message speech account version assessment response";

/// Name particles joining a person's names: Ursula von der Leyen, Mohammed bin Salman.
pub const PARTICLES: Class = 1 << 13;
pub(super) const PARTICLES_WORDS: &str =
    "de da di del della dos das des du van von der den ter le la bin ibn al el abu y";

/// Common given names: a first token from here makes a two-word name a person.
pub const GIVEN_NAMES: Class = 1 << 14;
pub(super) const GIVEN_NAMES_WORDS: &str =
    "aaron abdel abdul abdullah abu adam adrian ahmad ahmed alan albert alejandro alex
    alexander alexandra alexei ali alice alicia alison amanda amir amy ana andrea andrew andrei
    angela ann anna anne annalena anthony antonio antony ashraf barack benjamin benny bernie
    bill bob boris brad brian bruce carl carlos caroline catherine charles charlie chris
    christian christine christopher chuck claire claudia daniel david dmitry donald donna
    doug edward elizabeth elon emily emmanuel eric erik fatima fernando francesco francis frank
    fumio gabriel gavin george giorgia gordon greg gustavo hakan hamid hans hassan helen henry
    hillary hossein ian ibrahim igor ilham imran isaac ivan jack jacob jake james jamie jane
    janet jared javier jay jean jeff jennifer jens jerome jessica jim joe johan john jonathan
    jorge jose joseph josh juan julia julian justin kamala karen karim kate katherine keir
    kevin khalid kim kristalina kurt larry laura lee leo liz lloyd luis lula mahmoud marco
    marcus margaret maria mario mark martin mary masoud matt matthew max michael michel
    michelle mike miguel mitch mohamed mohammad mohammed muhammad nancy naftali najib nancy
    narendra nasser nathan neil nicolas nikki nicholas olaf oliver omar pamela paolo patrick
    paul pedro pete peter petro philip pierre rachel rafael ramzan raphael rebecca recep
    richard rishi robert roberto rodrigo ron ronald rupert ryan sam samuel sarah scott sean
    sebastian sergei sergey shinzo shigeru simon stephen steve steven sundar susan tamim
    tayyip ted thomas tim timothy tom tony ursula valerie vanessa victor viktor vivek
    vladimir volodymyr wang will william xi yair yoav yolanda yuri yoon yusuf zhang
    abigail abraham agnes aidan alana alec alexis alfred allen allison alvin amber amelia andre
    andy angel angie anita annie arlene arnold arthur ashley ashton audrey barbara barry
    beatrice becky ben bernard beth betsy betty beverly billy blake bobby bonnie brandon brenda
    brent brett briana bridget brittany brooke bryan byron caitlin calvin cameron candace cara
    carla carly carmen carol carolyn carrie casey cathy cecilia chad charlene cheryl chester
    chloe christina christy cindy clara clarence clark claude clay clifford clint cody colin
    colleen connie conor corey cory courtney craig cristina crystal curtis cynthia dale dan dana
    danielle danny darla darlene darrell darren dave dawn dean deanna debbie deborah debra
    denise dennis derek devin diana diane dianne dick dolores dominic don donnie doris dorothy
    douglas duane dustin dwight earl ed eddie edgar edith edwin eileen elaine eleanor elena eli
    elijah elise ella ellen elliot elliott eloise emma erica erin ernest esther ethan eugene eva
    evan evelyn felicia felix florence floyd frances francine franklin fred freddie frederick
    gail gary gene geoffrey gerald geraldine gilbert gina glenn gloria graham gregory gwen
    hailey hal harold harriet harry harvey hayley heather heidi herbert herman holly homer
    howard hugh irene iris isabel isabella jackie jacqueline jaime jan janice jason jasmine
    jeanette jeanne jeffrey jenna jenny jeremy jerry jesse jill jimmy jo joan joanna joanne
    jodi joel joey johnny jon jordan joshua joyce judith judy julie karl kathleen kathryn kathy
    katie kay keith kelly kelsey ken kendra kenneth kent kerry kirk kristen kristin kyle lance
    lauren laurie lawrence leah leon leonard leslie lester lewis lillian lily linda lindsay
    lindsey lisa logan lois lonnie lori lorraine louis louise lucas lucy luke lydia lyndon lynn
    mabel madeline maggie malcolm mandy marcia margie marian marie marilyn marion marjorie
    marlene marsha marshall martha marty marvin maureen maxine megan melanie melinda melissa
    melvin meredith mia micah michele mickey mildred mindy miranda miriam misty molly
    monica morgan morris myra nadine naomi natalie nathaniel neal ned nelson nick nicole
    nina noah nora norma norman oscar owen paige patricia patti patty paula pauline peggy penny
    perry phil phillip phyllis priscilla rachael ralph randall randy ray raymond reba regina
    reggie reid renee rex rhonda rick ricky rita rob robbie roberta robin rod rodney
    roger roland ronnie rosa rosalind rosemary ross roy ruby rudy russell ruth sabrina sally
    sammy sandra sandy sara scottie seth shannon sharon shawn sheila shelby shelley sherry
    shirley sidney silvia sonia sophia stacey stacy stan stanley stella stuart sue suzanne
    sylvia tammy tanya tara teresa terrence terri terry thelma theodore theresa tiffany tina
    toby todd tommy tonya tracey tracy travis trey troy trudy tyler vera vernon veronica vicki
    vickie victoria vince vincent wade walter wanda warren wayne wendy wesley whitney wilbur
    willie wilma winston yvonne zachary zoe";

/// Nouns after a possessive that mark an organisation: "Nvidia's shares".
pub const ORG_POSS: Class = 1 << 15;
pub(super) const ORG_POSS_WORDS: &str =
    "shares stock stocks board chief ceo executives executive spokesman spokeswoman
    spokesperson headquarters subsidiary unit units revenue revenues profit profits earnings
    sales products customers employees staff members leadership founder militants fighters
    platform app website chairman chairwoman market valuation stake brand factory factories
    plants owner parent investors shareholders ratings outlook guidance quarterly annual
    operations lenders bonds debt dividend merger acquisition takeover deal ranks armed
    military wing fleet chips models subscribers users coach manager boss striker midfielder
    defender goalkeeper captain fans";

/// Nouns after a possessive that mark a person: "Biden's wife".
pub const PERSON_POSS: Class = 1 << 16;
pub(super) const PERSON_POSS_WORDS: &str =
    "wife husband son daughter mother father brother sister family children campaign
    lawyer lawyers attorney administration presidency tenure own predecessor successor
    supporters aides aide remarks comments speech re-election death birthday career
    memoir lawyers girlfriend boyfriend partner widow";

/// Nouns after a possessive that mark a place: "Lebanon's government".
pub const PLACE_POSS: Class = 1 << 17;
pub(super) const PLACE_POSS_WORDS: &str =
    "government capital economy army population border borders parliament president
    prime foreign defense defence interior health central currency citizens cities territory
    coast north south east west northern southern eastern western largest biggest airspace
    soil embassy ambassador constitution coastline regions provinces states navy neighbours
    neighbors king queen ruling cabinet prime-minister";

/// Nouns in "X, a company ..." appositions that mark an organisation.
pub const ORG_APPOS: Class = 1 << 18;
pub(super) const ORG_APPOS_WORDS: &str =
    "company firm group party bank agency organisation organization lender maker
    manufacturer retailer carrier insurer broadcaster newspaper network startup start-up
    conglomerate giant operator producer developer militia movement charity regulator
    exchange airline automaker chipmaker carmaker drugmaker publisher outlet union coalition
    pollster miner utility watchdog daily tabloid magazine channel app platform bloc faction
    alliance club team militants fighters site sites website websites";

/// Nouns in "X, a city ..." appositions that mark a place.
pub const PLACE_APPOS: Class = 1 << 19;
pub(super) const PLACE_APPOS_WORDS: &str =
    "city town village capital province region country state district port island
    neighbourhood neighborhood suburb area enclave territory";

/// Prepositions that, right before a name, say it is a place: "in Gaza".
pub const PLACE_PREPS: Class = 1 << 20;
pub(super) const PLACE_PREPS_WORDS: &str =
    "in near outside across throughout inside within nearby downtown suburban";

/// Abbreviations whose full stop does not end a sentence.
pub const ABBREVIATIONS: Class = 1 << 21;
pub(super) const ABBREVIATIONS_WORDS: &str =
    "mr mrs ms dr st jr sr gen lt col sgt capt adm sen rep gov pres prof rev hon
    vs inc corp co ltd jan feb mar apr aug sept oct nov dec mt ft";

/// Words that open a noun phrase after a verb: "said a senior official", "said his aide".
pub const PHRASE_OPENERS: Class = 1 << 32;
pub(super) const PHRASE_OPENERS_WORDS: &str = "a an the one two three four five another some
    several many most he she his her their its";

/// Prepositions that open a phrase before a subject: "At the rally the candidate said".
pub const LEAD_PREPOSITIONS: Class = 1 << 33;
pub(super) const LEAD_PREPOSITIONS_WORDS: &str = "in at on after before during for with from by
    of under to into over since speaking asked amid despite following like unlike";

/// Adverbs that open a sentence before its subject: "Later Roe said".
pub const LEAD_ADVERBS: Class = 1 << 34;
pub(super) const LEAD_ADVERBS_WORDS: &str = "later earlier meanwhile still yet instead now also
    separately previously recently then however indeed rather anyway besides back again
    afterwards afterward elsewhere finally likewise similarly moreover furthermore";

/// Prepositions that put a name inside a description of someone else ("an aide to Roe").
pub const DESCRIBING_PREPOSITIONS: Class = 1 << 35;
pub(super) const DESCRIBING_PREPOSITIONS_WORDS: &str = "with to for from by near under about
    against beside behind of";

/// US state abbreviations as newspapers write them: places, keeping their period.
pub const US_STATES: Class = 1 << 36;
pub(super) const US_STATES_WORDS: &str = "ala ariz ark calif colo conn del fla ga ill ind kan
    kans ky la md mass mich minn miss mo mont neb nev okla ore pa penn tenn tex va vt wash wis
    wisc wyo d.c. n.y. n.h. n.j. n.m. n.c. n.d. s.c. s.d. r.i. w.va.";

/// Capitalised phrases that name a day, a season or a slogan rather than an entity, and
/// common nouns some styles capitalise ("a Web site").
pub const COMMON_PHRASES: Class = 1 << 37;
pub(super) const COMMON_PHRASES_WORDS: &str = "web internet election_day super_tuesday full_text
    breaking_news read_more related_coverage editor's_note election_night inauguration_day
    labor_day memorial_day veterans_day independence_day new_year's_day new_year's_eve
    black_friday cyber_monday good_friday ash_wednesday palm_sunday easter_sunday
    easter_monday";

/// Words before a noun: "the comments", "any states" are not reporting verbs.
pub const DETERMINERS: Class = 1 << 38;
pub(super) const DETERMINERS_WORDS: &str = "the a an his her their its our my your this that
    these those any some many several all both other such no two three four five";

/// Suffixes of "X-based"-style words: the part before names something.
pub const RELATION_SUFFIXES: Class = 1 << 40;
pub(super) const RELATION_SUFFIXES_WORDS: &str = "based born headquartered registered led backed
    brokered owned run controlled made bound listed linked allied aligned affiliated funded
    sponsored style era";

/// Lowercase prefixes before a name: "pro-Israel", "anti-NATO".
pub const NAME_PREFIXES: Class = 1 << 41;
pub(super) const NAME_PREFIXES_WORDS: &str = "pro anti non post pre ex mid pan trans";

/// Nouns before a quoted title: the show “The View”.
pub const TITLE_NOUNS: Class = 1 << 42;
pub(super) const TITLE_NOUNS_WORDS: &str = "show film movie book novel program programme series
    album song documentary podcast play titled entitled called dubbed";

/// Words that end an "according to" phrase: "according to officials who spoke ...".
pub const ACCORDING_ENDS: Class = 1 << 43;
pub(super) const ACCORDING_ENDS_WORDS: &str = "who which that said says during when while as
    because since after before if but and to";

/// What a source publishes rather than who it is: "according to a statement from X" is X.
pub const DOCUMENTS: Class = 1 << 44;
pub(super) const DOCUMENTS_WORDS: &str = "statement statements report reports data figures
    estimates survey poll filing document documents memo letter post transcript tally count
    analysis study release readout";

/// Titles that make the name before them a company: "Acme CEO Dana Reyes".
pub const CORPORATE_TITLES: Class = 1 << 45;
pub(super) const CORPORATE_TITLES_WORDS: &str = "ceo cfo coo cto chairman chairwoman chair
    executive officer founder co-founder spokesman spokeswoman spokesperson";

/// Given names almost always borne by men: a gender cue for "he"/"she" when the text gives
/// none (no "Mr."/"Ms.", no pronoun right after the name).
pub const MALE_GIVEN: Class = 1 << 46;
pub(super) const MALE_GIVEN_WORDS: &str =
    "abraham ahmad alberto alejandro alfonso allen alvin amir andreas angelo antoine armando
    arturo austin barrett bart benito bert blake boyd brendan bret brock bryce caleb carter
    cecil cedric cesar chester christian christopher clay clayton clifford clyde cole conor
    connor cornelius cory damian damon darius darren dominic dylan edwin elias elliot emil
    emilio enrique erik ernesto esteban ethan everett fabian felix fernando floyd francis
    francisco gareth gerard gideon giovanni grant guillermo gustavo hans harrison hassan
    heinrich herman hugo ibrahim ignacio isaiah jacques jamal javier jeremiah joaquin johan
    jonah julian julio karim kareem khalid lamar lars leo leonardo lester levi liam lionel
    lorenzo lucas luca manuel marcel mathew mauricio mehmet micah milton mohamed moses mustafa
    nathaniel ned nelson noah orlando otto owen pascal percy perry philippe preston quentin
    rahul rajesh ramon randall raul reginald reuben rex ricardo rocco rodrigo rolf ruben rudy
    rupert salvador santiago saul sebastian sergio sidney silas simon solomon spencer stefan
    sterling tariq teddy theodore tobias tristan tucker ulrich vance vaughn wallace werner
    wilbur wilson winston xavier yusuf zach
    aaron abdul adam adrian ahmed alan albert alexander alfred ali andre andrew andy anthony
    antonio arnold arthur barry ben benjamin bernard bernie bill billy bob bobby boris
    brad bradley brandon brent brett brian bruce bryan calvin carl carlos chad charles charlie
    chuck clarence clark clint cody colin craig curtis dale dan daniel danny darrell dave david
    dean dennis derek diego dmitry don donald doug douglas duncan dustin dwight earl ed eddie
    edgar edward elijah elliott emmanuel eric ernest eugene evan frank franklin fred frederick
    gabriel gary gavin gene geoffrey george gerald gilbert glenn gordon graham greg gregory
    hank harold harry harvey hector henry herbert howard hugh ian isaac ivan jack jacob jake
    james jared jason jeff jeffrey jeremy jerome jerry jesse jim jimmy joe joel john johnny
    jon jonathan jorge jose joseph josh joshua juan justin karl keith ken kenneth kevin kurt
    kyle lance larry lawrence leon leonard lewis lloyd louis luis luke malcolm marc marco
    marcus mario mark martin marvin matt matthew maurice max michael miguel mike mitch mitchell
    mohammed muhammad nathan neil nicholas nick nigel norman oliver omar oscar pablo patrick
    paul pedro pete peter phil philip pierre rafael ralph randy ray raymond reggie richard
    rick ricky rob robert roberto rod rodney roger roland ron ronald roy russell ryan sam samuel
    scott sean sergei seth shane stanley stephen steve steven stuart ted terrence thomas tim
    timothy todd tom tommy tony travis trevor troy tyler vernon victor vincent vladimir wade
    walter warren wayne wesley william willie zachary";

/// Given names almost always borne by women (see `MALE_GIVEN`).
pub const FEMALE_GIVEN: Class = 1 << 47;
pub(super) const FEMALE_GIVEN_WORDS: &str =
    "adele adrienne aisha alma amelia anastasia angelica annette antoinette ariana arlene
    astrid aurora bella bernadette bethany bianca brianna candace carly carrie cassandra
    celeste chantal chelsea chloe christa christy clarissa constance cora courtney daphne dawn
    delia dolores dina dominique edna elisa eliza ella ellie elsa eloise estelle eva faith
    felicia fiona francesca freya gemma genevieve georgina geraldine giselle greta gretchen
    hailey hayley helena hilda ida imogen ingrid iris isabella ivana jade jana janine jeanette
    jenna jocelyn jodi jolene juliana juliet june kara karla katarina katharine katrina kayla
    kendra kristin kristina lara latoya laurie leila lena liliana lily lindsay lindsey liz
    lorraine lucia lucille luisa mabel mackenzie mae magdalena maggie mandy marcia margarita
    margo marianne marina marisa marlene marsha maxine maya melinda mercedes meredith mia
    michaela mira mona muriel nadia nadine natasha nell nellie nikki noelle norma odette olga
    opal paige patsy pearl petra philippa polly rania raquel renee rhonda rochelle rosa
    rosalind roxanne sabrina sadie selena serena sheryl simone sonia sonya stella sue susanna
    suzy sybil tanya tara tessa thelma tracey ursula vera viola wanda whitney yasmin yvette
    zoe zoey
    abigail ada adriana agnes alexandra alice alicia alison allison alyssa amanda amber amy
    ana andrea angela angelina anita ann anna anne annie april audrey barbara beatrice becky
    betsy betty beverly bonnie brenda bridget brittany brooke camille carla carmen carol
    caroline carolyn catherine cathy cecilia charlotte cheryl christina christine cindy claire
    clara claudia colleen connie cynthia daisy danielle darlene deborah debbie debra denise
    diana diane donna doris dorothy edith eileen elaine eleanor elena elizabeth ellen emily
    emma erica erin esther evelyn fatima florence frances gabrielle gail georgia gillian gina
    gloria grace gwen hannah harriet hazel heather heidi helen hillary holly irene isabel
    jacqueline jane janet janice jasmine jean jeanne jennifer jenny jessica jill joan joanna
    joanne josephine joy joyce judith judy julia julie karen kate katherine kathleen kathryn
    kathy katie kelly kim kimberly kristen laura lauren leah linda lisa lois lori louise lucy
    lydia lynn madeleine madison margaret maria marie marilyn marion marjorie martha mary
    maureen megan melanie melissa michelle mildred miriam molly monica nancy naomi natalie
    nicole nina nora olivia pamela patricia paula pauline peggy penny phyllis priscilla rachel
    rebecca regina rita roberta rose rosemary ruth sally samantha sandra sara sarah sharon
    sheila shirley sophia sophie stacy stephanie susan suzanne sylvia tamara tammy teresa
    theresa tiffany tina tracy valerie vanessa veronica victoria virginia vivian wendy
    yolanda yvonne";
/// Words before a name or a title that describe the holder, not the name: "Former Ohio
/// Gov. Dana Reyes", "Presumptive nominee".
pub const LEAD_MODIFIERS: Class = 1 << 48;
pub(super) const LEAD_MODIFIERS_WORDS: &str = "former then ex late outgoing incoming presumptive
    would-be onetime erstwhile longtime";

/// Lowercase nouns after a name that make it a person's: "the Roe administration", "an Ash
/// aide", "Reyes supporters".
pub const PERSON_NEXT: Class = 1 << 49;
pub(super) const PERSON_NEXT_WORDS: &str = "administration administrations era presidency camp
    aide aides adviser advisers advisor advisors delegate delegates supporters backers loyalists
    surrogate surrogates voters";

/// Verbs of perceiving, knowing and deciding that credit a view to their subject in the
/// prose ("voters see", "the board knew", "a judge ordered").
pub const STANCE_VERBS: Class = 1 << 50;
pub(super) const STANCE_VERBS_WORDS: &str = "see know blame indicate mention recognize consider
    sees knows knew learned ordered issued decided published blames indicates mentions
    mentioned recognizes recognized realized imagined suspected considers ruled
    feel feels felt understand wish wished reckoned reasoned hint hints hinted implied implies
    clarified characterized underscored deplored bemoaned grumbled regretted apologized
    thanked confessed appealed assailed faulted lauded commended rebutted refuted theorized
    forecast calculated reminded swore sue sues sued confirm dispute criticize accuse
    contend maintain allege recommend propose urge assert emphasize reveal disagree support favor
    point speak view determined saw spoke talked made makes gave gives delivered charge estimate
    defend caution complain concede question praise applaud decry denounce condemn reject dismiss
    welcome compared sent filed vote";

/// Adjectives of a stance or a feeling about something said or done: "confident that".
pub const STANCE_ADJECTIVES: Class = 1 << 51;
pub(super) const STANCE_ADJECTIVES_WORDS: &str = "concerned worried hopeful confident
    optimistic pessimistic skeptical sceptical convinced certain adamant upset angry furious
    frustrated disappointed pleased unhappy nervous anxious alarmed outraged shocked aware
    unaware uneasy insistent critical supportive wary leery fearful proud tired divided split
    opposed sympathetic hostile eager reluctant hesitant unwilling determined quick keen clear";

/// Prepositions a source can follow: "rejected by", "criticism from", "in a new poll",
/// "support among".
pub const SOURCE_PREPOSITIONS: Class = 1 << 52;
pub(super) const SOURCE_PREPOSITIONS_WORDS: &str = "by from of with in among";

/// Nouns that head a description of a person and are neither titles nor the role nouns
/// that mark a name: "his wife", "a Reyes ally", "the show's host".
pub const ROLE_HEADS: Class = 1 << 53;
pub(super) const ROLE_HEADS_WORDS: &str = "wife husband son daughter father mother brother
    sister nephew niece cousin uncle aunt grandson granddaughter friend ally colleague host
    anchor expert official staff fellow veteran pundit critic fan victim widow hero heir
    guru mogul tycoon magnate pilot clerk chef poet artist intern medic agent lobbyist whip
    member resident constituent consultant assistant accountant merchant servant participant
    applicant immigrant migrant opponent proponent respondent regent descendant
    attendant tenant defendant informant advocate associate graduate laureate magistrate
    republican democrat heiress hostess waitress user voter buyer seller mate teammate
    classmate roommate girlfriend boyfriend stepson stepdaughter stepfather stepmother
    fiancé fiancee refugee employee retiree athlete duchess chauffeur";
