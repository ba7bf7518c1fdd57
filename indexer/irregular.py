r"""Irregular word forms, each mapped to the word it is a form of ("held" → "hold",
"children" → "child", "women" → "woman"), so the analyser (`indexer.text.Analyzer`)
gives both one term: Porter's rules strip regular endings only, and a question asking
when a committee will "hold" a meeting otherwise misses the passage saying it "was held".

Not chosen by hand or for any question. Derived once (round 52, eval/README.md, r52-irregular)
from WordNet 3.0's morphological exception lists (Princeton's `verb.exc` and `noun.exc`, as
Debian's `wordnet-base` 1:3.0-37 ships them), with WordNet's own "-men" → "-man" rule
applied to its noun lemmas "man", "woman" and compounds of a word and either ("chairman",
"businesswoman"):

1. a form is kept when it and its base are alphabetic words, it has one base (not
   "bound" of "bind" and "bound"), neither is a stopword (`indexer.text.STOPWORDS`), and
   the stemmer does not already give the two one term ("abetted" / "abet");
2. a homograph is left out: a form whose stem is the stem of another WordNet noun or verb
   ("led" of "LED" and "lead", "given", "lives" of "live", "data" / "datum", "ground",
   "kent" / "ken");
3. in the archives (Kent, Kingston, the seeds), each form of 1-2 that occurs there was
   read in its contexts: a homograph of 2 read there as its base's form nearly always is
   kept after all (`RESTORED`), and a form of 1 read there as another word is left out
   (`LEFT_OUT`: "bespoke" made to order, not "bespeak"; "media" as in "social media",
   not "medium" as in "medium term"; "capita" of "per capita").
"""

from __future__ import annotations

__all__ = ["IRREGULAR", "LEFT_OUT", "RESTORED"]

RESTORED = frozenset((
    "found", "felt", "lost", "won", "left", "spoke", "saw", "sent", "fell", "chosen", "drew",
    "rose", "thought", "men", "wives", "lent", "borne", "withdrawn", "proven", "hidden", "sung",
    "sat", "drunk", "rang", "indices", "dying",
))  # fmt: skip
"""Homographs (step 2) read in the archives as their base's form nearly always ("Members
felt", "the number fell", "Quarter 3 saw", "sent out", "land won aggregates"): kept."""
LEFT_OUT = frozenset(["bespoke", "media", "capita"])
"""Forms read in the archives as another word than their base's (step 3): left out."""

_PAIRS = """
aardwolves:aardwolf abaci:abacus aboideaux:aboideau aboiteaux:aboiteau abought:aby
acanthi:acanthus acari:acarus acciaccature:acciaccatura acetabula:acetabulum
achaemenidae:achaemenid acini:acinus acromia:acromion addenda:addendum addrest:address
adenocarcinomata:adenocarcinoma adenomata:adenoma adieux:adieu admen:adman adyta:adytum
aecia:aecium aecidia:aecidium aerobia:aerobium aggiornamenti:aggiornamento agnomina:agnomen
aircraftmen:aircraftman aircrewmen:aircrewman airmen:airman airwomen:airwoman
aldermen:alderman alewives:alewife allodia:allodium alluvia:alluvium alodia:alodium
altocumuli:altocumulus altostrati:altostratus alumni:alumnus alveoli:alveolus
amanuenses:amanuensis ambulacra:ambulacrum ammen:amman amnia:amnion
amniocenteses:amniocentesis amoebiases:amoebiasis amoraim:amora amoretti:amoretto
amorini:amorino amphiarthroses:amphiarthrosis amphicia:amphithecium amphimixes:amphimixis
amphioxi:amphioxus anabases:anabasis anacolutha:anacoluthon anacruses:anacrusis
anaerobia:anaerobium anagnorises:anagnorisis analemmata:analemma anamneses:anamnesis
anamorphoses:anamorphosis anatyxes:anaptyxis anchormen:anchorman androclinia:androclinium
androecia:androecium androsphinges:androsphinx andtheridia:antheridium angiomata:angioma
animalcula:animalculum anlagen:anlage annuli:annulus antefixa:antefix antependia:antependium
anthelia:anthelion anthelices:anthelix anthemia:anthemion antheridia:antheridium
anthodia:anthodium anthraces:anthrax anticlinoria:anticlinorium antihelices:antihelix
antisera:antiserum antitheses:antithesis antitragi:antitragus antra:antrum aphelia:aphelion
apices:apex apodoses:apodosis apomixes:apomixis aponeuroses:aponeurosis apophyses:apophysis
aposiopeses:aposiopesis apothecia:apothecium appendices:appendix appoggiature:appoggiatura
apsides:apsis aquaria:aquarium araglis:argali arboreta:arboretum arcana:arcanum
archegonia:archegonium archesporia:archesporium arcked:arc arcking:arc argumenta:argumentum
ariette:arietta arisen:arise armamentaria:armamentarium arose:arise artal:rotl artel:rotl
arterioscleroses:arteriosclerosis artillerymen:artilleryman aruspices:aruspex
asceses:ascesis asci:ascus ascidia:ascidium ascogonia:ascogonium ashkenazim:ashkenazi
aspergilla:aspergillum aspergilli:aspergillus aspergilloses:aspergillosis
aspersoria:aspersorium assemblymen:assemblyman assemblywomen:assemblywoman
astragali:astragalus asyndeta:asyndeton atheromata:atheroma atheroscleroses:atherosclerosis
atmolyses:atmolysis atria:atrium auditoria:auditorium aurei:aureus
autocatalyses:autocatalysis automata:automaton avitaminoses:avitaminosis awoke:awake
awoken:awake bacchii:bacchius bacilli:bacillus backbitten:backbite backslidden:backslide
backwoodsmen:backwoodsman bacteriostases:bacteriostasis bacula:baculum baggagemen:baggageman
bagmen:bagman bambini:bambino bandeaux:bandeau banditti:bandit bani:ban bargemen:bargeman
barklice:barklouse barmen:barman basidia:basidium basileis:basileus bassi:basso
bateaux:bateau batmen:batman batsmen:batsman beaten:beat beaux:beau became:become
beeves:beef befallen:befall befell:befall began:begin begat:beget beggarmen:beggarman
beggarwomen:beggarwoman begirt:begird begot:beget begotten:beget begun:begin beheld:behold
beholden:behold bellmen:bellman benempt:bename bergmen:bergman bersaglieri:bersagliere
besought:beseech bespoken:bespeak bestrewn:bestrew bestridden:bestride bestrode:bestride
betaken:betake bethought:bethink betook:betake biassed:bias biassing:bias bidden:bid
bijoux:bijou bisectrices:bisectrix bitten:bite blackfeet:blackfoot blastemata:blastema
bled:bleed blest:bless blew:blow blown:blow boatmen:boatman bogeymen:bogeyman bok:boschbok
boleti:boletus bolsheviki:bolshevik bondmen:bondman bondwomen:bondwoman booklice:booklouse
bookmen:bookman bookshelves:bookshelf boraces:borax borborygmi:borborygmus
bordereaux:bordereau borne:bear bought:buy bowmen:bowman brachia:brachium
brainchildren:brainchild brakemen:brakeman bred:breed bregmata:bregma broadleaves:broadleaf
broke:break broken:break bronchi:bronchus brought:bring browbeaten:browbeat
buckteeth:bucktooth built:build bureaux:bureau burnt:burn bushbok:boschbok bushboks:boschbok
bushmen:bushman businesswomen:businesswoman busmen:busman bypast:bypass byssi:byssus
cabmen:cabman cacti:cactus caducei:caduceus caeca:caecum calami:calamus calathi:calathus
calces:calx calculi:calculus caldaria:caldarium calices:calix calli:callus calyces:calyx
cambia:cambium came:come cameramen:cameraman canaliculi:canaliculus canthi:canthus
canzoni:canzone capitula:capitulum capricci:capriccio carabinieri:carabiniere
carcinomata:carcinoma carides:caryatid caroli:carolus carpi:carpus carpogonia:carpogonium
caryopses:caryopsis caryopsides:caryopsis castrati:castrato catabases:catabasis
cataclases:cataclasis cathexes:cathexis cattlemen:cattleman caudices:caudex caught:catch
cavalrymen:cavalryman cavatine:cavatina cavemen:caveman cavetti:cavetto caymen:cayman
ceca:cecum cembali:cembalo centesimi:centesimo centra:centrum cephalothoraces:cephalothorax
cercariiae:cercaria cerebella:cerebellum cerebra:cerebrum cestuses:caestus chadarim:cheder
chairmen:chairman chairwomen:chairwoman challoth:hallah chalutzim:chalutz chapeaux:chapeau
chapmen:chapman chargemen:chargeman charwomen:charwoman chateaux:chateau chazanim:chazan
chedarim:cheder cherubim:cherub chessmen:chessman chiasmata:chiasma chiasmi:chiasmus
chid:chide chidden:chide children:child chinamen:chinaman chitarroni:chitarrone chivved:chiv
chivving:chiv chlamydes:chlamys chlamyses:chlamys chondromata:chondroma choragi:choragus
choriambi:choriambus chose:choose chosen:choose choux:chou chromonemata:chromonema
chrysalides:chrysalis churchmen:churchman ciboria:ciborium cicale:cicala ciceroni:cicerone
cicisbei:cicisbeo cilia:cilium cimices:cimex cingula:cingulum cirri:cirrus
cirrocumuli:cirrocumulus cirrostrati:cirrostratus clani:clarino clanos:clarino clept:clepe
clergymen:clergyman clinandria:clinandrium clitella:clitellum cloven:cleave
cloverleaves:cloverleaf clung:cling clypei:clypeus coachmen:coachman coagula:coagulum
coalmen:coalman coccyges:coccyx codices:codex coelentera:coelenteron coenuri:coenurus
cognomina:cognomen cognosenti:cognosente collegia:collegium colloquia:colloquium
colluvia:colluvium collyria:collyrium colossi:colossus columbaria:columbarium
comedones:comedo committeemen:committeeman committeewomen:committeewoman
concertanti:concertante concerti:concerto concertini:concertino condottieri:condottiere
condylomata:condyloma congii:congius congressmen:congressman congresswomen:congresswoman
conidia:conidium consortia:consortium contagia:contagium continua:continuum
contralti:contralto conversazioni:conversazione convolvuli:convolvulus coria:corium
cornishmen:cornishman cornishwomen:cornishwoman cornua:cornu corpora:corpus cortices:cortex
corybantes:corybant coryphaei:coryphaeus cothurni:cothurnus councilmen:councilman
councilwomen:councilwoman countermen:counterman countersank:countersink
countersunk:countersink counterwomen:counterwoman countrymen:countryman
countrywomen:countrywoman couteaux:couteau cowmen:cowman crania:cranium crases:crasis
credenda:credendum crematoria:crematorium crept:creep crescendi:crescendo crewmen:crewman
cribella:cribellum cried:cry crises:crisis crissa:crissum criteria:criterion
crossbred:crossbreed cruces:crux crura:crus ctenidia:ctenidium cubicula:cubiculum
culices:culex culti:cultus cumuli:cumulus cumulonimbi:cumulonimbus
cumulostrati:cumulostratus curricula:curriculum curst:curse custodes:custos
cycloses:cyclosis cylices:cylix cylikes:cylix cymatia:cymatium cysticerci:cysticercus
dairymen:dairyman daymio:daimio daymios:daimio dealt:deal debussed:debus debusses:debus
debussing:debus decemviri:decemvir decennia:decennium definienda:definiendum
definientia:definiens degassed:degas degasses:degas degassing:degas deliverymen:deliveryman
delphinia:delphinium denarii:denarius dentalia:dentalium dermatoses:dermatosis
desiderata:desideratum deskmen:deskman diaereses:diaeresis diaerses:diaeresis dialled:dial
dialling:dial diaphyses:diaphysis diapophyses:diapophysis diarthroses:diarthrosis
diastalses:diastalsis diastases:diastasis diastemata:diastema diathses:diathesis
dibbukkim:dibbuk dichasia:dichasium dicta:dictum diereses:dieresis dieses:diesis
dilettanti:dilettante diluvia:diluvium diplococci:diplococcus disci:discus
disenthralls:disenthral disenthrals:disenthrall diverticula:diverticulum
divertimenti:divertimento dogmata:dogma dogteeth:dogtooth domatia:domatium doormen:doorman
dormice:dormouse dorsa:dorsum dought:dow drank:drink draughtsmen:draughtsman
drawknives:drawknife drawn:draw dreamt:dream drew:draw dried:dry driven:drive drunk:drink
duelled:duel duelling:duel dui:duo duona:duodenum duonas:duodenum dupondii:dupondius
dustmen:dustman dutchmen:dutchman duumviri:duumvir dwarves:dwarf dwelt:dwell
dybbukkim:dybbuk dying:die earthmen:earthman eastmen:eastman eaten:eat ecchymoses:ecchymosis
ecdyses:ecdysis echini:echinus echinococci:echinococcus ectozoa:ectozoan edemata:edema
effluvia:effluvium eidola:eidolon eisegeses:eisegesis eisteddfodau:eisteddfod
elenchi:elenchus eluvia:eluvium embedded:embed embedding:embed emboli:embolus embussed:embus
embusses:embus embussing:embus emporia:emporium enarthroses:enarthrosis encephala:encephalon
encephalitides:encephalitis encephalomata:encephaloma enchiridia:enchiridion
enchondromata:enchondroma encomia:encomium endocardia:endocardium endocrania:endocranium
endometria:endometrium endostea:endosteum endostoses:endostosis endothecia:endothecium
endothelia:endothelium endotheliomata:endothelioma endozoa:endozoan enemata:enema
englishmen:englishman englishwomen:englishwoman enneahedra:enneahedron entases:entasis
entera:enteron entia:ens enwound:enwind epencephala:epencephalon epentheses:epenthesis
epexegeses:epexegesis ephori:ephor epicalyces:epicalyx epicanthi:epicanthus
epicedia:epicedium epicleses:epiclesis epididymides:epididymis epigastria:epigastrium
epiglottides:epiglottis epimysia:epimysium epiphenomena:epiphenomenon epiphyses:epiphysis
episterna:episternum epithelia:epithelium epitheliomata:epithelioma epyllia:epyllion
equilibria:equilibrium equiseta:equisetum errata:erratum esophagi:esophagus etyma:etymon
eucalypti:eucalyptus eupatridae:eupatrid euripi:euripus everymen:everyman
exanthemata:exanthema excisemen:exciseman executrices:executrix exegeses:exegesis
exempla:exemplum exordia:exordium exostoses:exostosis extrema:extremum eyeteeth:eyetooth
fabliaux:fabliau fallen:fall famuli:famulus fasciculi:fasciculus feet:foot fell:fall
fellaheen:fellah fellahin:fellah felt:feel femora:femur ferrymen:ferryman
festschriften:festschrift fezzes:fez fibromata:fibroma fideicommissa:fideicommissum
fieldmice:fieldmouse fieldsmen:fieldsman fila:filum filariiae:filaria firemen:fireman
fishermen:fisherman fishwives:fishwife flabella:flabellum flagella:flagellum
flagstaves:flagstaff flambeaux:flambeau flamines:flamen flatfeet:flatfoot fled:flee flew:fly
flittermice:flittermouse flocci:floccus flocculi:flocculus floodlit:floodlight
florilegia:florilegium flown:fly flung:fling flyblew:flyblow flyblown:flyblow
flyleaves:flyleaf foci:focus foemen:foeman folia:folium footmen:footman fora:forum
foramina:foramen forbad:forbid forbade:forbid forbidden:forbid forbore:forbear
forborne:forbear fordid:fordo fordone:fordo foredid:foredo foredone:foredo forefeet:forefoot
foregone:forego foreknew:foreknow foreknown:foreknow foremen:foreman foreran:forerun
foresaw:foresee foreseen:foresee foreshown:foreshow forespoke:forespeak forespoken:forespeak
foreteeth:foretooth foretold:foretell forewomen:forewoman forgave:forgive forgiven:forgive
forgone:forgo forgot:forget forgotten:forget formicaria:formicarium forsaken:forsake
forsook:forsake forspoke:forspeak forspoken:forspeak forswore:forswear forsworn:forswear
forwent:forgo fought:fight found:find fractocumuli:fractocumulus fractostrati:fractostratus
fraena:fraenum frauen:frau freemen:freeman freewomen:freewoman frena:frenum
frenchmen:frenchman frenchwomen:frenchwoman frenula:frenulum freshmen:freshman
fricandeaux:fricandeau friedmen:friedman frogmen:frogman frolicked:frolic frolicking:frolic
froze:freeze frozen:freeze frusta:frustum fuci:fucus fuelled:fuel fuelling:fuel
fulcra:fulcrum fumatoria:fumatorium fundi:fundus funiculi:funiculus gagmen:gagman
gainsaid:gainsay gametangia:gametangium gametoecia:gametoecium gammadia:gammadion gan:gin
ganglia:ganglion garbagemen:garbageman gasmen:gasman gateaux:gateau gave:give geese:goose
gelled:gel gelling:gel gelsemia:gelsemium gemboks:gemsbok gembucks:gemsbuck
gemeinschaften:gemeinschaft genera:genus generatrices:generatrix geneses:genesis
genii:genius gentlemen:gentleman gentlewomen:gentlewoman genua:genu germina:germen
gesellschaften:gesellschaft gestalten:gestalt ghostwritten:ghostwrite ghostwrote:ghostwrite
ginglymi:ginglymus girt:gird gladioli:gladiolus gliomata:glioma glissandi:glissando
glochidcia:glochidium glochidia:glochidium glomeruli:glomerulus glottides:glottis
glutaei:glutaeus glutei:gluteus gnawn:gnaw gnoses:gnosis godchildren:godchild goes:go
goldmen:goldman gomphoses:gomphosis gone:go gonia:gonion gonidia:gonidium
gonococci:gonococcus goodmen:goodman goodwives:goodwife gorgoneia:gorgoneion
gospopoda:gospodin got:get gotten:get goyim:goy grafen:graf grandchildren:grandchild
granulomata:granuloma gravamina:gravamen graven:grave grew:grow gript:grip groszy:grosz
groundsmen:groundsman grown:grow gummata:gumma gunmen:gunman gymnasia:gymnasium
gynaecea:gynaeceum gynaecia:gynaecium gynecea:gynecium gynecia:gynecium gynoecea:gynoecium
gynoecia:gynoecium gyri:gyrus hacksawn:hacksaw hadarim:heder haematolyses:haematolysis
haematomata:haematoma haematozoa:haematozoon haemodialyses:haemodialysis
haemolyses:haemolysis haemoptyses:haemoptysis haeredes:haeres haftaroth:haftarah
haggadoth:haggada haleru:haler halfpence:halfpenny hallot:hallah halloth:hallah
halluces:hallux hamen:haman hamstrung:hamstring hamuli:hamulus handfed:handfeed
handymen:handyman hangmen:hangman haphtaroth:haphtarah hardwaremen:hardwareman
haredim:haredi haruspices:haruspex harvestmen:harvestman haustella:haustellum
haustoria:haustorium hazzanim:hazzan headmen:headman heard:hear hectocotyli:hectocotylus
held:hold helices:helix hellmen:hellman hematolyses:hematolysis hematomata:hematoma
hematozoa:hematozoon hemelytra:hemelytron hemielytra:hemielytron hemodialyses:hemodialysis
hemolyses:hemolysis hemoptyses:hemoptysis hendecahedra:hendecahedron heraclidae:heraclid
heraklidae:heraklid herbaria:herbarium hermai:herma herren:herr hetairai:hetaira hewn:hew
hibernacula:hibernaculum hid:hide hidden:hide hieracosphinges:hieracosphinx
highwaymen:highwayman hila:hilum hili:hilus himatia:himation hippocampi:hippocampus
hippopotami:hippopotamus hitmen:hitman hocussed:hocus hocussing:hocus hodmen:hodman
homunculi:homunculus honied:honey honoraria:honorarium hooves:hoof horologia:horologium
horsemen:horseman horsewomen:horsewoman hotelmen:hotelman housemen:houseman
housewives:housewife hove:heave humeri:humerus hung:hang husbandmen:husbandman
hynia:hymenium hyniums:hymenium hypanthia:hypanthium hyperostoses:hyperostosis
hypnoses:hypnosis hypogastria:hypogastrium hypogea:hypogeum hypophyses:hypophysis
hypostases:hypostasis hypothalami:hypothalamus hyraces:hyrax iambi:iamb ibices:ibex ibo:igbo
icemen:iceman ichthyosauri:ichthyosaurus icosahedra:icosahedron ideata:ideatum
igorrorote:igorrote ilia:ilium imbedded:imbed imbedding:imbed imperia:imperium
inbred:inbreed incubi:incubus incudes:incus indiamen:indiaman indices:index
indumenta:indumentum indusia:indusium indwelt:indwell infantrymen:infantryman
infundibula:infundibulum ingermen:ingerman initialled:initial initialling:initial
inlaid:inlay inocula:inoculum insectaria:insectarium intagli:intaglio interbred:interbreed
interlaid:interlay intermezzi:intermezzo interpled:interplead interreges:interrex
interregna:interregnum interwove:interweave interwoven:interweave involucella:involucellum
inwove:inweave inwoven:inweave irides:iris irishmen:irishman irishwomen:irishwoman
ironmen:ironman isthmi:isthmus jackknives:jackknife jambeaux:jambeau jazzmen:jazzman
jinn:jinni journeymen:journeyman jura:jus jurymen:juryman jurywomen:jurywoman
kaddishim:kaddish kalmuck:kalmuc katabases:katabasis keeshonden:keeshond kept:keep
kibbutzim:kibbutz knelt:kneel knew:know knives:knife known:know kronen:krone kroner:krone
kronur:krona krooni:kroon kylikes:kylix labara:labarum labella:labellum labia:labium
labra:labrum lactobacilli:lactobacillus lacunaria:lacunar ladyfied:ladify ladyfies:ladify
ladyfying:ladify laid:lay lain:lie landmen:landman lapilli:lapillus lapithae:lapith lati:lat
latices:latex latifundia:latifundium latu:lat laundrymen:laundryman
laundrywomen:laundrywoman lawmen:lawman laymen:layman leant:lean leapt:leap learnt:learn
lecythi:lecythus ledgemen:ledgeman left:leave lemmata:lemma lemnisci:lemniscus lenes:lenis
lensmen:lensman lent:lend lentigines:lentigo leprosaria:leprosarium lepta:lepton
leptocephali:leptocephalus lettermen:letterman leucocytozoa:leucocytozoan leva:lev
libretti:libretto lice:louse lieder:lied liegemen:liegeman liftmen:liftman
lightermen:lighterman limbi:limbus limina:limen limuli:limulus linkmen:linkman
linksmen:linksman lipomata:lipoma lire:lira liriodendra:liriodendron lisente:sente
listente:sente litu:litas liverymen:liveryman lixivia:lixivium loaves:loaf
lobstermen:lobsterman loci:locus lockmen:lockman loculi:loculus logia:logion
lomenta:lomentum longbowmen:longbowman longobardi:longobard lost:lose lubritoria:lubritorium
lumbermen:lumberman lumina:lumen lustra:lustre lymphangitides:lymphangitis
lymphomata:lymphoma lymphopoieses:lymphopoiesis lyses:lysis machzorim:machzor
macronuclei:macronucleus macrosporangia:macrosporangium made:make madmen:madman
madornos:madrono madwomen:madwoman maestri:maestro mafiosi:mafioso magmata:magma
mahzorim:mahzor mailmen:mailman makuta:likuta mallei:malleus malleoli:malleolus maloti:loti
maltmen:maltman manteaux:manteau mantes:mantis manubria:manubrium marchese:marchesa
marchesi:marchese maremme:maremma markkaa:markka marksmen:marksman marsupia:marsupium
matmen:matman matzoth:matzo mausolea:mausoleum maxima:maximum meant:mean meatmen:meatman
mediastina:mediastinum megara:megaron megasporangia:megasporangium megilloth:megillah
meioses:meiosis melanomata:melanoma melismata:melisma men:man menisci:meniscus
menservants:manservant menstrua:menstruum merchantmen:merchantman mesdames:madame
mesdemoiselles:mademoiselle mesentera:mesenteron mesothoraces:mesothorax
messeigneurs:monseigneur messieurs:monsieur met:meet metacarpi:metacarpus
metanephroi:metanephros metatarsi:metatarsus metatheses:metathesis metathoraces:metathorax
metempsychoses:metempsychosis metencephala:metencephalon mezuzoth:mezuzah miasmata:miasma
mice:mouse microanalyses:microanalysis micrococci:micrococcus micronuclei:micronucleus
microsporangia:microsporangium middlemen:middleman midrashim:midrash midwives:midwife
milia:milium milieux:milieu militiamen:militiaman milkmen:milkman millennia:millennium
minima:minimum ministeria:ministerium minutemen:minuteman minyanim:minyan mioses:miosis
miracidia:miracidium misbecame:misbecome misdealt:misdeal misgave:misgive misgiven:misgive
mislaid:mislay misled:mislead mispled:misplead misspelt:misspell misspent:misspend
mistaken:mistake mistook:mistake misunderstood:misunderstand mitochondria:mitochondrion
mitzvoth:mitzvah modioli:modiolus moduli:modulus molten:melt momenta:momentum momi:momus
moneymen:moneyman monochasia:monochasium monopodia:monopodium monoptera:monopteron
monopteroi:monopteros monsignori:monsignor mooncalves:mooncalf moratoria:moratorium
morceaux:morceau morphallaxes:morphallaxis morphoses:morphosis mosasauri:mosasaurus
moshavim:moshav moslim:moslem moslims:moslem motormen:motorman mown:mow mucrones:mucro
murices:murex musclemen:muscleman muskallunge:muskellunge mycelia:mycelium
mycetomata:mycetoma myelencephala:myelencephalon myiases:myiasis myocardia:myocardium
myomata:myoma myoses:myosis mythoi:mythos myxomata:myxoma naevi:naevus naoi:naos
narcissi:narcissus nares:naris nasopharynges:nasopharynx natatoria:natatorium
nauplii:nauplius nautili:nautilus necropoleis:necropolis needlewomen:needlewoman
nemeses:nemesis nephridia:nephridium neurohypophyses:neurohypophysis neuromata:neuroma
neuroses:neurosis newmen:newman newsmen:newsman newspapermen:newspaperman
newspaperwomen:newspaperwoman newswomen:newswoman nibelungen:nibelung nidi:nidus
nielli:niello nimbostrati:nimbostratus noblemen:nobleman noblewomen:noblewoman nodi:nodus
nomina:nomen nonplussed:nonplus nonplusses:nonplus nonplussing:nonplus norsemen:norseman
northmen:northman nota:notum noumena:noumenon nucelli:nucellus nuclei:nucleus
nucleoli:nucleolus numina:numen nurserymen:nurseryman oases:oasis obligati:obligato
oboli:obolus occipita:occiput oceanaria:oceanarium ocelli:ocellus octahedra:octahedron
octopi:octopus oculi:oculus odea:odeum oilmen:oilman oldwives:oldwife omasa:omasum
omenta:omentum ommatidia:ommatidium onagri:onager oogonia:oogonium opercula:operculum
optima:optimum ora:os orangemen:orangeman osar:os oscula:osculum ossa:os osteomata:osteoma
ostia:ostium outbidden:outbid outbred:outbreed outdid:outdo outdone:outdo
outdoorsmen:outdoorsman outdoorswomen:outdoorswoman outdrawn:outdraw outdrew:outdraw
outfought:outfight outgassed:outgas outgasses:outgas outgassing:outgas
outgeneralled:outgeneral outgeneralling:outgeneral outgone:outgo outgrew:outgrow
outgrown:outgrow outlaid:outlay outran:outrun outridden:outride outrode:outride
outshone:outshine outshot:outshoot outsold:outsell outstood:outstand outthought:outthink
outwent:outgo outwore:outwear outworn:outwear ova:ovum overbidden:overbid overblew:overblow
overblown:overblow overbore:overbear overborne:overbear overbuilt:overbuild
overcame:overcome overdid:overdo overdone:overdo overdrawn:overdraw overdrew:overdraw
overdriven:overdrive overdrove:overdrive overflew:overfly overgrew:overgrow
overgrown:overgrow overheard:overhear overhung:overhang overlaid:overlay overlain:overlie
overpaid:overpay overpast:overpass overran:overrun overridden:override overrode:override
oversaw:oversee overseen:oversee oversewn:oversew overshot:overshoot overslept:oversleep
oversold:oversell overspent:overspend overspilt:overspill overtaken:overtake
overthrew:overthrow overthrown:overthrow overtook:overtake overwound:overwind
overwritten:overwrite overwrote:overwrite ovoli:ovolo ovotestes:ovotestis oxymora:oxymoron
packmen:packman paid:pay paise:paisa palingeneses:palingenesis pallia:pallium palpi:palpus
pancratia:pancratium panettoni:panettone panicked:panic panicking:panic pantrymen:pantryman
paparazzi:paparazzo paperknives:paperknife papillomata:papilloma pappi:pappus papyri:papyrus
parabases:parabasis paramenta:parament paraphyses:paraphysis parapodia:parapodium
parapraxes:parapraxis paraselenae:paraselene parashoth:parashah parasyntheta:parasyntheton
parentheses:parenthesis parerga:parergon parhelia:parhelion parietes:paries partaken:partake
partook:partake parulides:parulis pasquil:pasquinade pasquilled:pasquinade
pasquilling:pasquinade pasquils:pasquinade pastorali:pastorale patagia:patagium
patresfamilias:paterfamilias patrolmen:patrolman pease:pea pedes:pes pelves:pelvis
pence:penny penes:penis penetralium:penetralia penicillia:penicillium penknives:penknife
penmen:penman pennia:penni pent:pen pentahedra:pentahedron pentimenti:pentimento
pepla:peplum pericardia:pericardium perichondria:perichondrium pericrania:pericranium
peridia:peridium perigonia:perigonium perihelia:perihelion perinea:perineum
perinephria:perinephrium perionychia:perionychium periostea:periosteum
periphrases:periphrasis peristalses:peristalsis perithecia:perithecium peritonea:peritoneum
phalli:phallus phenomena:phenomenon philodendra:philodendron phyla:phylum phylae:phyle
phyllotaxes:phyllotaxis phylogeneses:phylogenesis physicked:physic physicking:physic
pigmen:pigman pilei:pileus pineta:pinetum pitchmen:pitchman pithecanthropi:pithecanthropus
pithoi:pithos pitmen:pitman placemen:placeman planetaria:planetarium
plasmodesmata:plasmodesma plasmodia:plasmodium plateaux:plateau pled:plead plena:plenum
plied:ply plowmen:plowman pneumobacilli:pneumobacillus pneumococci:pneumococcus
pocketknives:pocketknife podetia:podetium podia:podium poleis:polis policemen:policeman
policewomen:policewoman pollices:pollex pollinia:pollinium polychasia:polychasium
polyhedra:polyhedron polyparia:polyparium polypi:polypus polyzoaria:polyzoarium pontes:pons
pontifices:pontifex portamenti:portamento portmanteaux:portmanteau possemen:posseman
postliminia:postliminium postmen:postman potmen:potman poultrymen:poultryman
praenomina:praenomen praxes:praxis predelle:predella prenomina:prenomen prepaid:prepay
prese:presa pressmen:pressman pried:pry primi:primo primordia:primordium
principia:principium proboscides:proboscis prognoses:prognosis prolegomena:prolegomenon
prolepses:prolepsis promycelia:promycelium pronephra:pronephros pronephroi:pronephros
pronuclei:pronucleus propmen:propman proptoses:proptosis propyla:propylon
propylaea:propylaeum proscenia:proscenium prosencephala:prosencephalon prostheses:prosthesis
prostomia:prostomium protases:protasis prothalli:prothallus prothallia:prothallium
prothoraces:prothorax protonemata:protonema proven:prove proventriculi:proventriculus
prytanea:prytaneum psalteria:psalterium pseudopodia:pseudopodium
psychoneuroses:psychoneurosis psychoses:psychosis pterygia:pterygium ptoses:ptosis
pudenda:pudendum puli:pul pullmen:pullman pulvilli:pulvillus pulvini:pulvinus
puparia:puparium putamina:putamen pycnidia:pycnidium pygidia:pygidium pylori:pylorus
pyxides:pyxis pyxidia:pyxidium qaddishim:qaddish quadrennia:quadrennium qualia:quale
quanta:quantum quarrymen:quarryman quartersawn:quartersaw quarterstaves:quarterstaff
quinquennia:quinquennium quizzed:quiz quizzes:quiz quizzing:quiz rachides:rhachis
radii:radius raftmen:raftman raftsmen:raftsman railwaymen:railwayman ramenta:ramentum
rammen:ramman ran:run rang:ring ranunculi:ranunculus raphae:raphe rearmice:rearmouse
rebuilt:rebuild recta:rectum recti:rectus rectrices:rectrix redid:redo redone:redo
referenda:referendum reft:reave refugia:refugium reguli:regulus reheard:rehear reis:real
relata:relatum remade:remake remiges:remex repaid:repay repairmen:repairman reran:rerun
resat:resit reseaux:reseau resewn:resew residua:residuum responsa:responsum retaken:retake
rethought:rethink retia:rete retiarii:retiarius reticula:reticulum retinacula:retinaculum
retold:retell retook:retake revved:rev revving:rev rewound:rewind rewritten:rewrite
rewrote:rewrite rhabdomyomata:rhabdomyoma rhachides:rhachis rhinencephala:rhinencephalon
rhizobia:rhizobium rhombi:rhombus rhonchi:rhonchus rhyta:rhyton ricercacari:ricercare
ricercari:ricercare ridden:ride riflemen:rifleman rilievi:rilievo risen:rise riven:rive
roadmen:roadman rode:ride romen:roman rondeaux:rondeau rosaria:rosarium rose:rise
rostella:rostellum rostra:rostrum rouleaux:rouleau rumina:rumen sacra:sacrum
sacraria:sacrarium salesmen:salesman salespeople:salesperson saleswomen:saleswoman
saltarelli:saltarello samen:saman sancta:sanctum sandmen:sandman sandwichmen:sandwichman
sanitaria:sanitarium sank:sink santimi:santims sarcophagi:sarcophagus sartorii:sartorius
sassanidae:sassanid sat:sit saw:see sawn:saw scaleni:scalenus scarabaei:scarabaeus
scarves:scarf schemata:schema scherzandi:scherzando scherzi:scherzo schmoes:schmo
schoolmen:schoolman schuln:schul schutzstaffeln:schutzstaffel scirrhi:scirrhus
scleromata:scleroma scleroses:sclerosis sclerotia:sclerotium scoleces:scolex scolices:scolex
scotchmen:scotchman scotchwomen:scotchwoman scotomata:scotoma scotsmen:scotsman
scotswomen:scotswoman scried:scry scriptoria:scriptorium scrota:scrotum scudi:scudo
scuta:scutum scutella:scutellum scyphi:scyphus seamen:seaman secondi:secondo seedmen:seedman
seen:see segni:segno selectmen:selectman selectwomen:selectwoman seleucidae:seleucid
selves:self sensilla:sensillum sent:send senti:sent separatrices:separatrix
sephardim:sephardi septa:septum septaria:septarium septennia:septennium sequestra:sequestrum
sera:serum seraphim:seraph servicemen:serviceman sestertia:sestertium sewn:sew
sgraffiti:sgraffito shabbasim:shabbas shabbatim:shabbat shadchanim:shadchan shaken:shake
shat:shit shaven:shave sheaves:sheaf sheepmen:sheepman shent:shend shewn:shew shied:shy
shinleaves:shinleaf shmoes:shmo shod:shoe shone:shine shophroth:shophar showmen:showman
shrank:shrink shrewmice:shrewmouse shriven:shrive shrove:shrive shrunk:shrink
shrunken:shrink shuln:shul siddurim:siddur sightsaw:sightsee sightseen:sightsee
sigloi:siglos signalmen:signalman signorine:signorina simulacra:simulacrum
sincipita:sinciput sinfonie:sinfonia sistra:sistrum skydove:skydive slept:sleep slid:slide
slidden:slide slung:sling slunk:slink smalti:smalto smit:smite smitten:smite smote:smite
snaggleteeth:snaggletooth snowmen:snowman snuck:sneak sola:solum solaria:solarium
solatia:solatium sold:sell soldi:soldo solfeggi:solfeggio soli:solo solidi:solidus
somata:soma somen:soman soothsaid:soothsay soprani:soprano sordini:sordino sori:sorus
soroses:sorosis sought:seek soundmen:soundman sovkhozy:sovkhoz sown:sow spacemen:spaceman
spadices:spadix spectra:spectrum specula:speculum sped:speed spellbound:spellbind
spent:spend spermatia:spermatium spermatogonia:spermatogonium spermatozoa:spermatozoon
spermogonia:spermogonium sphinges:sphinx spicula:spiculum spied:spy spilt:spill
splayfeet:splayfoot splenii:splenius spoilt:spoil spoke:speak spoken:speak
sporangia:sporangium sporogonia:sporogonium spotlit:spotlight sprang:spring
springhase:springhaas sprung:spring spumoni:spumone spun:spin sputa:sputum squilgee:squeegee
squizzes:squiz stablemen:stableman stadia:stadium staminodia:staminodium stank:stink
stapedes:stapes staretsy:starets startsy:starets staymen:stayman steelmen:steelman
steinmen:steinman stemmata:stemma stenoses:stenosis stepchildren:stepchild stied:sty
stimuli:stimulus stipites:stipes stoae:stoa stockmen:stockman stolen:steal stomata:stoma
stomodaea:stomodaeum stomodea:stomodeum stood:stand stotinki:stotinka stotkini:stotinka
strata:stratum strati:stratus stratocumuli:stratocumulus strawmen:strawman stretti:stretto
strewn:strew striae:stria stridden:stride striven:strive strobili:strobilus strode:stride
stromata:stroma strongmen:strongman strove:strive strown:strow struck:strike strung:string
stuck:stick stung:sting stunk:stink styli:stylus stylopodia:stylopodium
subcortices:subcortex subdeliria:subdelirium subgenera:subgenus subindices:subindex
subphyla:subphylum substrasta:substratum subtotalled:subtotal subtotalling:subtotal
succedanea:succedaneum succubi:succubus sudaria:sudarium sudatoria:sudatorium sulci:sulcus
sung:sing sunk:sink sunken:sink supermen:superman superstrata:superstratum swagmen:swagman
swam:swim sweetiewives:sweetiewife swept:sweep switchmen:switchman swollen:swell swore:swear
sworn:swear swum:swim swung:swing syconia:syconium syllabi:syllabus syllepses:syllepsis
sympodia:sympodium symposia:symposium synarthroses:synarthrosis synclinoria:synclinorium
syncytia:syncytium syndesmoses:syndesmosis synopses:synopsis syntagmata:syntagma
syphilomata:syphiloma syssarcoses:syssarcosis tableaux:tableau taken:take talcked:talc
talcking:talc tali:talus tallaisim:tallith tallitoth:tallith tallymen:tallyman
tapeta:tapetum tarsi:tarsus tarsometatarsi:tarsometatarsus taught:teach taxa:taxon
taximen:taximan taxmen:taxman tectrices:tectrix tegmina:tegmen telia:telium tempi:tempo
tenacula:tenaculum tenderfeet:tenderfoot tenues:tenuis teraphim:teraph terata:teras
teredines:teredo terga:tergum termini:terminus terraria:terrarium terzetti:terzetto
tetrahedra:tetrahedron tetraskelia:tetraskelion thalamencephala:thalamencephalon
thalami:thalamus thalli:thallus therses:thyrse thesauri:thesaurus theses:thesis
thickleaves:thickleaf tholoi:tholos thoraces:thorax thought:think threw:throw thriven:thrive
thrombi:thrombus throve:thrive thrown:throw thymi:thymus thyrsi:thyrsus timbermen:timberman
tintinnabula:tintinnabulum titmice:titmouse tollmen:tollman tomenta:tomentum tondi:tondo
tonneaux:tonneau took:take tophi:tophus topoi:topos torn:tear torrify:torrefy torsi:torso
tragi:tragus trainmen:trainman trameled:trammel trameling:trammel tramelled:trammel
tramelling:trammel tramels:trammel transfixt:transfix tranship:transship trapezia:trapezium
trapezohedra:trapezohedron traumata:trauma trekked:trek trekking:trek
trenchermen:trencherman treponemata:treponema triclinia:triclinium tried:try
triennia:triennium triforia:triforium triggermen:triggerman trihedra:trihedron
triskelia:triskelion trisoctahedra:trisoctahedron triumviri:triumvir trod:tread
trodden:tread tropaeola:tropaeolum trousseaux:trousseau trymata:tryma tubmen:tubman
turves:turf tympana:tympanum typewritten:typewrite typewrote:typewrite
ubermenschen:ubermensch ultimata:ultimatum umbilici:umbilicus umbones:umbo unbent:unbend
unbound:unbind unci:uncus uncidia:uredium unclad:unclothe underbought:underbuy
underclassmen:underclassman underfed:underfeed undergirt:undergird undergone:undergo
underlaid:underlay underlain:underlie underpaid:underpay undershot:undershoot
undersold:undersell understood:understand undertaken:undertake undertook:undertake
underwritten:underwrite underwrote:underwrite undid:undo undone:undo unfroze:unfreeze
unfrozen:unfreeze unlaid:unlay unlearnt:unlearn unmade:unmake unrove:unreeve unsaid:unsay
unslung:unsling unspoke:unspeak unspoken:unspeak unstrung:unstring unstuck:unstick
unswore:unswear unsworn:unswear untaught:unteach untrod:untread untrodden:untread
unwound:unwind upbuilt:upbuild upheld:uphold uphove:upheave uprisen:uprise uprose:uprise
upsprang:upspring upsprung:upspring upswept:upsweep upswollen:upswell upswung:upswing
uredines:uredo uredinia:uredinium uredosori:uredosorus urinalyses:urinalysis uteri:uterus
utriculi:utriculus vacua:vacuum vagi:vagus vaporetti:vaporetto varices:varix vasa:vas
vascula:vasculum velamina:velamen velaria:velarium ventriculi:ventriculus vermes:vermis
vertigines:vertigo vestrymen:vestryman vestrywomen:vestrywoman vexilla:vexillum
viatica:viaticum vibracula:vibraculum villi:villus vimina:vimen vincula:vinculum vires:vis
virtuosi:virtuoso vitelli:vitellus vivaria:vivarium voces:vox volkslieder:volkslied
vortices:vortex vying:vie walkmen:walkman warehousemen:warehouseman washermen:washerman
washerwomen:washerwoman washwomen:washwoman watchmen:watchman watermen:waterman
waylaid:waylay weathermen:weatherman welshmen:welshman went:go wept:weep werewolves:werewolf
wharves:wharf whipsawn:whipsaw whitmen:whitman widowmen:widowman wingmen:wingman
winterfed:winterfeed wiredrawn:wiredraw wiredrew:wiredraw wiremen:wireman withdrawn:withdraw
withdrew:withdraw withheld:withhold withstood:withstand wives:wife woke:wake woken:wake
wolfmen:wolfman wolves:wolf women:woman won:win woodlice:woodlouse woodmen:woodman
woodsmen:woodsman wore:wear workingmen:workingman workmen:workman worn:wear wove:weave
woven:weave wried:wry written:write wrote:write wrought:work wrung:wring
xiphisterna:xiphisternum yakked:yak yakking:yak yardmen:yardman ycleped:clepe yclept:clepe
yeshivoth:yeshiva yogin:yogi yourselves:yourself zecchini:zecchino zeemen:zeeman zoa:zoon
zoeae:zoea zoeas:zoaea zoonoses:zoonosis zoosporangia:zoosporangium
"""

IRREGULAR: dict[str, str] = dict(pair.split(":") for pair in _PAIRS.split())
"""Irregular form → its base word, lower-case: the analyser stems the base in its place."""
