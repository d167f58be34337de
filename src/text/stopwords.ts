/**
 * Function words dropped from lexical queries and the lexical index, folded like the tokens
 * (lowercase, no accents), so "più" in the list matches "piu" in the text. Elided forms
 * (`dell'`, `nell'`, `quest'`) split at the apostrophe and their stubs are listed here.
 */
const ITALIAN = `a ad al allo ai agli all alla alle col coi da dal dallo dai dagli dall dalla dalle di del dello dei degli
dell della delle in nel nello nei negli nell nella nelle su sul sullo sui sugli sull sulla sulle per tra fra con
il lo la i gli le l un uno una un d s c m t v n quest quell nessun
e ed o od ma se anche come che chi cui non ne ci vi si piu meno molto poco tanto quanto quale quali
io tu lui lei noi voi loro mi ti gli ce me te lo sua suo suoi sue mio mia miei mie tuo tua nostro nostra vostro
questo questa questi queste quello quella quelli quelle cosa cose
e era erano sono sei siamo siete sia siano essere ha hanno ho hai abbiamo avete aveva
avevano avere fatto fa fare puo possono
quando dove perche quanto quanti quante qual quale qualcuno
dopo prima durante sotto sopra verso senza contro
gia ancora poi cosi solo tutto tutti tutte ogni altro altra altri altre`;

const ENGLISH = `a an the and or but if of to in on at by for with from as into onto about over under than then
is are was were be been being am do does did done have has had having can could will would shall should may
might must not no nor so such too very
i you he she it we they me him her us them my your his its our their mine yours
this that these those what which who whom whose when where why how
there here all any both each few more most other some own same s t just also only`;

const toSet = (words: string) => new Set(words.split(/\s+/).filter((w) => w !== ''));

export const STOPWORDS = { it: toSet(ITALIAN), en: toSet(ENGLISH) } as const;
