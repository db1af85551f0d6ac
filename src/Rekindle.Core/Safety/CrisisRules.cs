using System.Text.RegularExpressions;

namespace Rekindle.Core.Safety;

/// <summary>
/// The first layer: phrasings that mean danger whatever surrounds them, read over <see cref="Coach.NormalizedText"/>
/// (lower case, straight quotes, shorthand spelled out: "kms" is "kill myself"). They are precise on purpose;
/// everything indirect is the learned layer's work. Idioms ("killing myself laughing", "want to die of
/// embarrassment") are excluded in the patterns themselves.
/// </summary>
internal static class CrisisRules
{
    private const string Me = @"(?:i|i'm|i am|im|i've|i'll|i'd|me)";
    private const string Them = @"(?:he|she|they|my ex|him|her|them|he's|she's|they're)";
    private const string Soon = @"(?:i'm going to|i am going to|going to|i'll|i will|i want to|i wanna|want to|i need to|i'm gonna|i have to|i'm about to|planning to|i plan to|i might|i'm ready to|ready to|i'd rather|i just want to|i really want to|i'm thinking of|thinking about|thinking of|i keep thinking about|decided to|i've decided to|i think i'll|tempted to)";

    public static readonly IReadOnlyList<(CrisisLevel Level, CrisisKind Kind, Regex Pattern)> All =
    [
        (CrisisLevel.Crisis, CrisisKind.SelfHarm, Build(
            @"\bkill(?:ing)? myself\b(?! (?:laughing|with (?:work|laughter)|at (?:work|the gym)|trying|over (?:this|an?|the|my) (?:essay|exam|job|assignment|project|deadline)))",
            @"\b(?:end|ending|take|taking|took) my (?:own )?life\b",
            @"\bend(?:ing)? it all\b",
            @"\b" + Soon + @" (?:end it|end things|do it) (?:tonight|today|tomorrow|this (?:week|weekend)|for good|once and for all|soon)\b",
            @"\b(?:i|i just|i really|i honestly|i literally|i still|i sometimes|i) (?:want|wanna|wish) (?:to die|i (?:was|were) dead|to be dead|i could die|i would die|i'd die)\b(?! (?:of|from|laughing|for|a little|inside))",
            @"\bi'd rather (?:be )?(?:die|dead)\b(?! than (?!(?:live|be without|go on|keep going|stay alive|spend (?:another|one more)|wake up|face)\b))",
            @"\b(?:don't|do not|dont) want to (?:live|be alive|be here|exist|wake up|go on|keep going|keep living)(?: anymore| any more| tomorrow| ever again)?\b(?! (?:in|with|near|at|on|a|an|the|holiday|dates?|this trip|like this with) )",
            @"\b(?:wish|hope) (?:i|that i) (?:don't|do not|won't|never) wake up\b",
            @"\bnever wake up\b",
            @"\b(?:everyone|everybody|they|you|the world|my family|my kids|people) (?:would|will|'d) be better off (?:without me|if i (?:was|were|wasn't|weren't) (?:gone|dead|here|around))\b",
            @"\bbetter off dead\b",
            @"\b(?:i'm|i am|feeling|feel|felt|been|getting|i get) (?:so |really |very |pretty |kind of |a bit |quite |super |extremely |actively |really really )?suicidal\b",
            @"\b(?:my|a|writing (?:a|my)|wrote (?:a|my)|left (?:a|my)) (?:suicide|goodbye) (?:note|notes|letter|letters)\b(?! (?:to|for) (?:the relationship|our relationship|us|him|her|them|my ex|you|the marriage|our marriage))",
            @"\b(?:thinking|thought|think|thoughts) (?:about|of) (?:suicide|killing myself|ending (?:it|my life|things)|taking my (?:own )?life)\b",
            @"\b(?:commit|attempt|attempted|committing) suicide\b",
            @"\bsuicide (?:attempt|plan|plans)\b(?<=(?:my|a) suicide \w+)",
            @"\b(?:no|nothing|no reason) (?:left )?to live for\b",
            @"\bno reason (?:left )?to (?:live|stay|keep going|go on)\b",
            @"\b(?:life|my life) (?:isn't|is not|ain't) worth living\b",
            @"\bnot worth living\b",
            @"\b(?:having|have|had|get|getting|keep having|been having) (?:really |so many |a lot of |constant )?suicidal (?:thoughts|feelings|urges)\b",
            @"\b(?:don't|do not|can't|cannot) see (?:the|any) point (?:in|of) (?:living|going on|being here|being alive|staying alive|carrying on|waking up|even waking up)\b",
            @"\bno point (?:in )?(?:living|going on|being alive|staying alive)\b",
            @"\bwish i'd never been born\b",
            @"\bi (?:don't|do not) deserve to (?:live|be alive|exist)\b",
            @"\bi (?:can't|cannot) (?:go on|do this|keep going|live like this) (?:anymore|any more|much longer)\b.{0,60}\b(?:end|die|dead|gone|pills|goodbye)\b",
            @"\b(?:overdose|overdosing|overdosed)\b(?! on (?!(?:pills|tablets|meds|my |paracetamol|painkillers|insulin|sleeping|heroin|drugs)))",
            @"\b(?:(?:took|swallowed|taken|take|taking|swallow|swallowing) (?:all |a bunch of |too many |every one of |enough |the rest of |a handful of |handfuls of |a whole (?:box|packet|bottle) of )|(?:saving up|saved up|stockpiling|stockpiled|hoarding|hoarded|collecting|counting|counted) )(?:my |the |those |these |all the |all my )?(?:pills|tablets|sleeping pills|meds|painkillers)\b(?!.{0,20}\b(?:for (?:my|the) (?:headache|migraine|back|cold)|with food|as prescribed|on time)\b)",
            @"\b(?:hurt|harm|cut|cutting|burn|burning|hurting|harming) myself\b(?! (?:shaving|cooking|on (?:a|the|some)|at the gym|playing|running|by accident|accidentally|while|chopping|in the kitchen|lifting|training))",
            @"\bself[- ]?harm(?:ing|ed)?\b(?<!\bno self[- ]?harm\w*)",
            @"\b(?:started|start|starting|back to) cutting (?:again|myself)\b",
            @"\bcutting again\b",
            @"\b(?:relapsed|relapse) (?:on|into) (?:cutting|self[- ]?harm)\b",
            @"\bthis is (?:my )?goodbye\b(?! (?:for us|to us|to (?:the|this|our) (?:relationship|marriage)|as a couple))",
            @"\bby the time you (?:read|see|get) this\b",
            @"\b(?:won't|will not|wont) be (?:around|here|alive) (?:much longer|for (?:much|very) long|anymore|tomorrow|by (?:morning|tomorrow))\b",
            @"\bthe last (?:time )?you(?:'ll| will) (?:ever )?hear from me\b",
            @"\b(?:jump|jumping) (?:off|from|in front of) (?:a|the|that) (?:bridge|building|roof|train|cliff|balcony|car|bus)\b",
            @"\b(?:hang|hanging|hanged) myself\b",
            @"\bslit(?:ting)? my (?:wrists?|throat)\b",
            @"\b(?:shoot|shooting) myself\b",
            @"\b(?:drown|drowning) myself\b(?! in (?:work|coffee|tea|wine|chocolate|netflix|books|paperwork))",
            @"\bwant(?:ed)? (?:it all|everything|the pain|this) to (?:end|stop) (?:for good|forever|permanently)\b",
            @"\bi'm (?:going to|gonna) (?:do it|end it) tonight\b",
            // Everyday indirect ways of saying it: tired of living, hoping not to survive, being a burden, the means.
            @"\b(?:tired|sick|exhausted) of (?:living|being alive|existing|life itself|being here)\b",
            @"\b(?:done|finished) with (?:life|living|being alive|existing|this life)\b(?! (?:admin|in (?:the|this) (?:city|town|flat)))",
            @"\b(?:hope|wish|pray|praying|hoping) (?:that )?i (?:just )?(?:die|don't survive|do not survive|never wake|don't wake up|do not wake up|get hit by (?:a|the) (?:bus|car|truck|lorry|train)|crash (?:the|my) car)\b(?! (?:of|from) (?:laughing|laughter|embarrassment|boredom|shame))",
            @"\b(?:want|wanna|wish i could|i'd rather|would rather|just want to) (?:just )?(?:stop existing|not exist|cease to exist|not be alive|not be here anymore|not be here any more|be gone for good|go to sleep and not wake up|fall asleep and not wake up)\b",
            @"\b(?:sleep|asleep|bed) and (?:not|never) wake (?:up)?\b",
            @"\b(?:i'm|i am|i feel like|i feel|feel like|i've become|i'm just|i am just) (?:such |just |only |nothing but |a huge |a massive )?(?:a |an )?burden (?:to|on) (?:everyone|everybody|my family|my kids|my friends|the people i love|all of them|them all|everyone around me|the world|my parents)\b",
            @"\b(?:everyone|everybody|the world|my family|my kids|my children|my parents|my friends|people|all of them|my mum|my mom|my dad|they'd all|they would all|the people around me)\b[^.!?]{0,25}\b(?:better|happier|easier) (?:off )?without me\b",
            @"\b(?:better|happier|easier|fine|okay|ok)\b.{0,30}\bif i (?:just )?(?:wasn't|weren't|was not|were not|was no longer|were no longer) (?:around|here|alive)\b",
            @"\b(?:life|living) (?:without (?:him|her|them|you) )?(?:isn't|is not|ain't|is no longer|isnt) worth (?:it|living|anything)\b(?! without (?:coffee|tea|wine|chocolate|music|sleep|a nap))",
            @"\b(?<!(?:nearly|almost|accidentally|practically) )(?:step|stepping|stepped|walk|walking|jump|jumping|throw|throwing|threw) (?:myself |out )?(?:in front of|under) (?:a|the|an oncoming|the next) (?:bus|train|truck|lorry|car|tube|tram)\b",
            @"\b(?<!(?:nearly|almost|accidentally|practically) )(?:drive|driving|crash|crashing|steer|steering) (?:my car |the car )?(?:into|off) (?:a|the) (?:wall|tree|bridge|cliff|river|oncoming|lorry|truck|motorway barrier|sea|lake|canal|quarry|ravine|reservoir)\b",
            @"\b(?:look(?:ed|ing)? up|googl(?:e|ed|ing)|research(?:ed|ing)?|read(?:ing)? (?:up )?(?:about|on)|search(?:ed|ing)? (?:for)?) (?:how|ways|the best way|painless ways|the easiest way|methods?|the quickest way) (?:to|of) (?:die|dying|kill myself|end it|end my life|do it painlessly|overdose)\b",
            @"\b(?:painless|easiest|quickest|best) (?:ways?|methods?) to (?:die|kill myself|end (?:it|my life))\b",
            @"\bhow many (?:pills|tablets|paracetamol|painkillers|sleeping pills|of my \w+) (?:it )?(?:would it |will it |does it |would |will )?(?:take|takes|kill|to die|it takes|would be enough|is enough|are enough)\b",
            @"\b(?:the |my )?(?:pills|tablets) (?:are )?(?:lined up|counted out|all counted|saved up|stashed|ready for tonight)\b",
            @"\b(?:feel|feeling|felt) like (?:ending it|ending it all|ending things|ending my life|giving up on life|i should end it)\b(?! (?:with|between|for us))",
            @"\b(?:end|stop) (?:the|this|all the|my) pain (?:for good|forever|permanently|once and for all)\b",
            @"\b(?:not|never) (?:going to|gonna) be (?:around|here|alive) (?:much longer|for (?:much|very) long|by|to see|next|anymore|any more|tomorrow)\b",
            @"\b(?:don't|do not) think i(?:'ll| will) (?:be (?:around|here|alive)|make it) (?:much longer|for long|by|to see|next|tomorrow|through the (?:night|week))\b",
            @"\b(?:thinking|thought|think|dream|dreaming|fantasi[sz]e|fantasi[sz]ing) (?:a lot )?(?:about|of) (?:not being (?:here|alive|around)|not existing|being dead|my (?:own )?death|my (?:own )?funeral|dying)\b(?! (?:of|from) (?:laughing|laughter|embarrassment|boredom))",
            @"\b(?:i've|ive|i have|i) (?:written|wrote|been writing) (?:goodbye |farewell |final )?(?:letters|notes) (?:to|for) (?:everyone|my family|my kids|my friends|my parents|each of them)\b",
            // Final arrangements and wishing not to survive, said sideways.
            @"\b(?:wrapped up|tied up|concluded|settled|sorting|sorted|putting|put|getting|got) (?:all )?my affairs(?: in order)?\b(?! (?:at|for) (?:work|the office|the move|the new job))",
            @"\b(?:whoever|the person who|when (?:they|someone|somebody|people|my (?:mum|mom|dad|flatmate|family|sister|brother))) (?:finds|find) (?:me|my body)\b(?! (?:a|an|some|the|my|your|his|her|it|them|one|on|at|in|online|attractive|funny|annoying)\b)",
            @"\b(?:grateful|relieved|glad|happy|thankful|better off|at peace) if i (?:just )?(?:didn't|don't|did not|do not|never|wouldn't) wake up\b",
            @"\bwish(?:ed)? i (?:hadn't|had not|didn't|did not|never) (?:woken|woke|wake) up\b(?! (?:so|this|that|at|early|before|in time))",
            @"\b(?:trade|give|swap) (?:every|all the|each|any) days? i have left\b",
            @"\b(?:slip|slipping|slid|sink|sinking|sank|go|going|went|stay|staying) (?:right |just )?under (?:the )?(?:bath ?water|water|waves)\b.{0,50}\b(?:stay(?:ing)? (?:there|down|under)|never (?:come|coming) (?:back )?up|not (?:come|coming) (?:back )?up|forever)\b",
            @"\b(?:hope|hoping|wish|praying|pray) (?:that )?(?:the |a |this |some )?(?:flu|virus|covid|cancer|illness|bus|car|truck|lorry|train|plane crash) (?:gets|takes|kills|hits|finishes|runs over) me\b",
            @"\bif i (?:just )?(?:stopped|stop|ceased|cease) (?:existing|being alive|breathing)\b",
            @"\b(?:quiet |easy |painless )?(?:way|door|exit) out of (?:life|this life|existence|being alive|living)\b",
            @"\b(?:when|after|once|by the time) i(?:'m| am) dead\b(?! (?:tired|beat|on my feet|serious|set|against|sure|certain|last|wrong))",
            @"\b(?:get|got|getting|be over) (?:over )?losing me\b",
            @"\bnot (?:a|some) cry for help\b.{0,40}\b(?:decision|decided|plan|planned|mean it|serious|goodbye)\b",
            // Self-injury said plainly but without the clinical words, and a last stretch of life named.
            @"\b(?:did|done|do|doing|been doing) (?:something|stuff|things|it again) to my (?:arms?|wrists?|legs?|thighs?|skin|body|stomach)\b",
            @"\b(?:burn(?:ed|t|ing)?|cut(?:ting)?|scratch(?:ed|ing)?|hit(?:ting)?|punch(?:ed|ing)?|slam(?:med|ming)?|bang(?:ed|ing)?|bash(?:ed|ing)?|bit(?:e|ing)?|starv(?:e|ed|ing)|hurt(?:ing)?) (?:my|myself)\b[^.!?]{0,35}(?<!\bnot )\bon purpose\b",
            @"\b(?:this is|it's|this'll be|this will be|that was|today was|tonight is) (?:my|probably my|going to be my|gonna be my) (?:very )?last (?:week|day|night|weekend|christmas|birthday|morning|sunday)\b(?! (?:at|in|of|on|before|with|as|working|here|off)\b)",
            @"\b(?:planning|plan|planned|decided|going|gonna|ready) to die\b(?! (?:of|from|laughing|on|inside|for|a little))",
            @"\bdisappear (?:forever|for good|permanently)\b(?<!\b(?:phone|app|message|messages|account|post|photos?) (?:to )?disappear \w+)")),
        (CrisisLevel.Crisis, CrisisKind.ExSelfHarm, Build(
            @"\b" + Them + @" (?:said|says|say|keeps saying|kept saying|told me|threatened|threatens|is threatening|texted|messaged|wrote|posted|swore)(?: that)? (?:he'd|she'd|they'd|he'll|she'll|they'll|he would|she would|they would|he will|she will|they will|he's going to|she's going to|they're going to|to) (?:kill|hurt|harm|cut) (?:himself|herself|themselves|themself)\b",
            @"\b" + Them + @" (?:said|says|keeps saying|told me|threatened|threatens|texted|messaged)(?: that)? (?:he'd|she'd|they'd|he'll|she'll|they'll|he would|she would|he will|she will|he's going to|she's going to|to) (?:end (?:his|her|their) (?:own )?life|end it all|take (?:his|her|their) (?:own )?life|overdose|jump)\b",
            @"\b(?:he'll|she'll|they'll|he will|she will|he'd|she'd|he would|she would|he's going to|she's going to|is going to|threatening to|threatened to|threatens to) (?:kill|hurt|harm) (?:himself|herself|themselves)\b(?!.{0,15}\b(?:laughing|at the gym|with work)\b)",
            @"\b(?:he's|she's|he is|she is|my ex is|they're|they are) (?:suicidal|cutting again|self[- ]?harming|talking about (?:suicide|ending it|killing (?:himself|herself|themselves)))\b",
            @"\b(?:kill|hurt|harm) (?:himself|herself|themselves) if (?:i|i'm|i don't|i won't|i leave|i go|i block)\b")),
        (CrisisLevel.Crisis, CrisisKind.Threatened, Build(
            @"\b" + Them + @" (?:said|says|keeps saying|told me|threatened|threatens|texted|messaged|wrote|swore)(?: that)?(?: he'd| she'd| they'd| he'll| she'll| they'll| he would| she would| he will| she will| he's going to| she's going to| to)? (?:kill|hurt|beat|find|get|destroy|burn) (?:me|my (?:kids?|children|family|sister|brother|mum|mom|dad|dog|cat|new partner|boyfriend|girlfriend))\b",
            @"\bthreatened (?:to kill|to hurt|to beat|to find|to come after|to post|to share|to leak|to take the kids|me)\b",
            @"\b(?:he|she|they|my ex) (?:hit|choked|strangled|beat|punched|kicked|slapped|shoved|pushed|raped|assaulted|attacked|grabbed) me\b",
            @"\b(?:i'm|i am|i feel|i'm really|i'm so) (?:scared|afraid|terrified|frightened) (?:of (?:him|her|them|my ex|what (?:he|she|they)(?:'ll| will| might) do)|(?:he|she|they|my ex)(?:'ll| will| is going to| might| could) (?:hurt|kill|find|hit|come after) me|for my (?:life|safety))\b",
            @"\b(?:he|she|they|my ex) (?:is|has been|keeps|kept|was|are|have been|'s been) (?:following|stalking|tracking|watching|waiting outside|turning up at|showing up at) (?:me|my)\b",
            @"\b(?:he|she|they|my ex) (?:knows|found out|found) where i (?:live|am|work|moved)\b.{0,60}\b(?:scared|afraid|threat|come|coming|hurt|regret|or else|watch)\b",
            @"\b(?:he|she|they|my ex) (?:is going to|will|'ll|said (?:he'd|she'd|they'd)) (?:post|share|leak|send) (?:my|our) (?:nudes|photos|pics|pictures|videos)\b",
            @"\b(?:he|she|they|my ex) (?:said|says|told me|tells me|warned me|texted(?: me)?|messaged(?: me)?|keeps saying)(?: that)?[^.!?]{0,20}\b(?:i'd better watch my back|watch my back|i(?:'ll| will| am going to|'m going to|'m gonna) regret (?:this|it|leaving|blocking|the day)|i(?:'ll| will) be sorry)\b")),
        (CrisisLevel.Crisis, CrisisKind.HarmToOthers, Build(
            @"\b(?:i'll|i will|i'm going to|i am going to|i'm gonna|i swear i'll|i want to|i'm about to|i could|i'd like to|i'm planning to|i plan to) (?:kill|hurt|stab|shoot|strangle|beat up|beat the|destroy|ruin|end) (?:you|him|her|them|your|his|her new|their)\b(?! (?:if you spoil|if (?:you|u) tell (?:anyone|anybody)|for \w+ing\b|lol|haha|in (?:fortnite|the game|chess|cod|the match|the final)|at (?:chess|tennis|cards|mario kart|fifa)|for (?:eating|spoiling|using|borrowing)))",
            @"\b(?:you'll|you will|you're going to|you are going to|you're gonna) (?:regret (?:this|it|that|what|leaving|blocking|ignoring|the day)|pay for (?:this|it|that|what)|be sorry)\b",
            @"\bmake (?:you|him|her|them) (?:pay|suffer|regret)\b(?!.{0,30}\bby (?:being|becoming|living|getting|moving on|looking|thriving|succeeding))",
            @"\bmake sure (?:you|he|she|they)(?:'ll| will)? (?:regret|pay|suffer)\b",
            @"\bwatch your back\b",
            @"\bi know where you (?:live|work|are|sleep|park)\b",
            @"\b(?:i'll|i will|i'm going to|i'm gonna|going to) (?:show up|come|turn up|be waiting|wait) (?:at|to|outside|round|around) your (?:house|place|work|door|job|office|flat|apartment|parents|mum's|mom's)\b",
            @"\b(?:i'll|i will|i'm going to|i'm gonna|going to) (?:post|send|share|leak|show everyone|put up) (?:your|those|the|our) (?:pics|photos|pictures|nudes|videos|messages|texts|tapes)\b",
            @"\bmake your life (?:hell|miserable|a living hell)\b",
            @"\b(?:i'll|i will|i'm going to|i'm gonna) (?:tell|email|message|text|show) (?:your (?:boss|work|employer|colleagues|new (?:girlfriend|boyfriend|partner|wife|husband))|everyone) (?:everything|what you|about you|who you|the truth|what really)\b",
            @"\b(?:i'll|i will|i'm going to|i'm gonna) (?:smash|burn|key|slash|trash|wreck|torch) (?:your|his|her|their)\b",
            @"\bif i can't have (?:you|him|her),? (?:then )?(?:no ?one|nobody)(?: else)? (?:can|will|gets to)\b",
            @"\b(?:no ?one|nobody) (?:else )?(?:can|will|gets to) have you\b",
            @"\b(?:slash|key|smash|trash|torch) (?:his|her|your|their) (?:tires|tyres|car|windows)\b",
            @"\b(?:imagine|imagining|imagined|fantasi[sz]e|fantasi[sz]ing|fantasi[sz]ed|dream(?:ing)? (?:about|of)|keep thinking (?:about|of)|can't stop thinking (?:about|of)) (?:hurting|killing|stabbing|strangling|beating|punching|hitting|choking|attacking|running over|poisoning|burning) (?:him|her|them|my ex|his|her new|their|that)\b",
            @"\b(?:smash|punch|kick|bash|cave|knock) (?:his|her|their|your|that \w+'s|his new \w+'s|her new \w+'s) (?:stupid |fucking |bloody )?(?:face|head|teeth|skull)(?: in)?\b(?!.{0,20}\b(?:at|in) (?:chess|fifa|the game|mario kart|tennis|squash)\b)",
            @"\b(?:i'm going to|i am going to|i'm gonna|i'll|i will|gonna) (?:find|track down|get to|get) (?:her|him|them|you|that \w+)\b[^.!?]{0,40}\b(?:regret|pay for|be sorry|see what happens|find out)\b",
            @"\b(?:break|snap|smash) (?:his|her|their|your) (?:legs?|arms?|neck|nose|jaw|fingers|knees?|kneecaps?)\b",
            @"\b(?:he|she|they|you|him|her)(?:'ll| will| is going to| are going to|'s going to)? (?:leaves?|ends? up|goes?|going|leaving) (?:in|to) (?:an ambulance|a body bag|a coffin|intensive care|a&e|the morgue)\b",
            @"\b(?:he's|hes|she's|shes|they've|you've|he has|she has|they have|you have) (?:got )?(?:it coming|what's coming (?:to (?:him|her|them|you))?)\b",
            @"\b(?:catch|get|corner) (?:him|her|them|you|that \w+) (?:on (?:his|her|their|your) own|alone)\b(?! (?:to (?:talk|chat|explain|apologi[sz]e|say sorry|ask)|for a (?:chat|talk|coffee)))",
            @"\bor else(?= *[.!]| *$)")),
    ];

    /// <summary>Words before a match that mean the sentence denies it ("I would never kill myself").</summary>
    private static readonly Regex Denial = new(@"\b(?:never|not|won't|wouldn't|don't|do not|didn't|no longer|stopped|isn't|wasn't)\b(?:(?!\b(?:but|and|though|yet)\b)[^.!?;,]){0,30}$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>Told about a story, a film or someone else's past, not the writer's life.</summary>
    private static readonly Regex Story = new(@"\b(?:(?:song|songs|lyrics?|album|track|poem|novel|film|movie|show|episode|podcast|book|documentary|play|musical) (?:about|where|in which|called)|in the (?:film|movie|book|show|series|episode|game|novel|song)|the (?:film|movie|book|show|series|song|character|main character|hero|villain|protagonist)|a (?:character|documentary|podcast)|lyrics?|(?:he|she|they) sings?)\b", RegexOptions.CultureInvariant);

    /// <summary>Games and sport: "I'll destroy him at ping pong" is banter.</summary>
    private static readonly Regex Play = new(@"\b(?:game|games|gaming|match|round|rematch|ping pong|table tennis|tennis|chess|mario kart|fifa|fortnite|call of duty|cod|darts|pool|snooker|golf|squash|badminton|scrabble|monopoly|quiz|trivia|cards|poker|uno|five-a-side|football|netball|sparring|debate|karaoke|bake off|race|league|tournament|bowling|arm wrestle|wordle)\b", RegexOptions.CultureInvariant);

    /// <summary>Jokes: "I'll kill you if you tell anyone I cried at the advert 😂".</summary>
    private static readonly Regex Joking = new(@"(?:\b(?:lol|lmao|lmfao|haha\w*|jk|just kidding|only joking|joking|kidding|figure of speech)\b|😂|🤣|😆|😅)", RegexOptions.CultureInvariant);

    /// <summary>Long ago, told as history: "five years ago I attempted", "she used to self-harm at school".</summary>
    private static readonly Regex LongAgo = new(@"\b(?:years ago|years back|a few years back|decades ago|as a (?:teenager|teen|kid|child)|at (?:school|uni|university|college)|when i was (?:a (?:teenager|teen|kid|child)|younger|young|\d+)|when (?:he|she|they) was (?:a (?:teenager|teen|kid|child)|younger|young|\d+)|in (?:my|his|her|their) (?:teens|twenties)|at (?:1\d|2\d)\b|used to|back in (?:19|20)\d\d|back then)\b", RegexOptions.CultureInvariant);

    /// <summary>Said as recovery and hope, the way survivors tell it: "now I volunteer at a helpline", "it gets better".</summary>
    private static readonly Regex Recovery = new(@"\b(?:doing (?:much |so much |a lot )?better now|(?:it|things) (?:can |does |do )?gets? better|got through|got help|recovered|in recovery|volunteer\w*|advocate|(?:fine|okay|ok|well|good|happy) now|now (?:i'm|she's|he's|they're|i|she|he)|today i'm|survived|please talk to someone|reach out|years clean|years free|now (?:teaches|works as|runs|has (?:a|two|three)|is (?:a|married|engaged)))\b", RegexOptions.CultureInvariant);

    private static readonly Regex OwnDeath = new(@"\b(?:my funeral|my grave|when i'm (?:gone|dead)|after i'm (?:gone|dead)|once i'm (?:gone|dead)|i'm not here anymore|without me)\b", RegexOptions.CultureInvariant);

    /// <summary>The people a sentence can be about, the ex's words first so "my ex" is not read as "my".</summary>
    private static readonly Regex Person = new(@"\b(?:my ex|ex|girlfriend|boyfriend|wife|husband|partner|he|she|they|his|her|their|him|them|he's|she's|he'd|she'd|they're|i|i'm|i've|i'd|i'll|me|my|myself)\b", RegexOptions.CultureInvariant);

    /// <summary>
    /// Whether the nearest person before a finding with no "I" in it is someone else: "she wrote a suicide note", "he's
    /// self-harming". "My ex left and I want to die" is the writer's own: the finding says "I", so it never comes here.
    /// </summary>
    private static bool IsAboutSomeoneElse(string before)
    {
        var people = Person.Matches(before);
        return people.Count > 0 && !CrisisSignals.SaysI(people[^1].Value) && !OwnWords.IsMatch(people[^1].Value);
    }

    /// <summary>A person in the writer's life other than the ex: a relative, a friend, a colleague, someone they know of.</summary>
    private static readonly Regex SomeoneElse = new(@"\b(?:(?:my|our|a|his|her|their) (?:(?:late|older|younger|little|big|best|old|childhood|close) )?(?:aunt|auntie|uncle|cousin|friend|mate|colleague|co-?worker|neighbou?r|brother|sister|mum|mom|mother|dad|father|grandad|grandpa|grandma|granny|nan|grandfather|grandmother|son|daughter|classmate|flatmate|roommate|teacher|boss|stepdad|stepmum|stepmom|niece|nephew|godfather|godmother)|someone|somebody|a (?:guy|girl|man|woman|boy|lad|kid) (?:i know|i knew|at work|from (?:school|work|uni|college)))\b", RegexOptions.CultureInvariant);

    /// <summary>Told in the past: a life already lived, not a plan.</summary>
    private static readonly Regex Past = new(@"\b(?:attempted|tried|took|overdosed|killed|died|hanged|hung|jumped|self-harmed|harmed|cut|was|were|had|used to|ago|last (?:year|month|spring|summer|autumn|winter)|when (?:he|she|they|i) was)\b", RegexOptions.CultureInvariant);

    private static readonly Regex OwnWords = new(@"\b(?:my|me|myself|mine)\b", RegexOptions.CultureInvariant);

    /// <param name="normalized">One sentence, normalized.</param>
    /// <param name="context">The whole text it came from, normalized: a recovery told elsewhere in it changes how a past is read.</param>
    public static IEnumerable<(CrisisLevel Level, CrisisKind Kind, int Index, int Length)> Matches(string normalized, Lazy<string>? context = null)
    {
        foreach (var (level, kind, pattern) in All)
        {
            foreach (Match match in pattern.Matches(normalized))
            {
                if (match.Length == 0)
                {
                    continue;
                }

                var before = normalized[Math.Max(0, match.Index - 40)..match.Index];
                // "I don't want to live" carries its negation inside the pattern; only a denial before it counts.
                if (kind == CrisisKind.SelfHarm && Denial.IsMatch(before) && !IsAffirmedAfterDenial(before))
                {
                    continue;
                }

                var sentence = SentenceAround(normalized, match.Index);
                if (Story.IsMatch(sentence) || (kind == CrisisKind.HarmToOthers && (Play.IsMatch(sentence) || Joking.IsMatch(sentence))))
                {
                    continue;
                }

                // A past long behind the writer, told with its recovery, is history rather than danger today.
                if (LongAgo.IsMatch(sentence) && Recovery.IsMatch(context?.Value ?? normalized))
                {
                    continue;
                }

                // Someone else's life told in the past ("my aunt attempted suicide when she was younger"): not the
                // writer's danger, and not the ex's. Whatever is meant today is left to the learned layer.
                if (kind == CrisisKind.SelfHarm && SomeoneElse.IsMatch(before) && !CrisisSignals.SaysI(before) && !OwnWords.IsMatch(match.Value) && (Past.IsMatch(match.Value) || Past.IsMatch(sentence)))
                {
                    continue;
                }

                var found = kind;
                if (CrisisSignals.IsQuotingSomeoneElse(normalized, match.Index))
                {
                    // "He texted me: if you leave I'll kill myself": the ex's words, quoted by the user.
                    found = CrisisSignals.InTheExsVoice(kind);
                }
                else if (kind == CrisisKind.HarmToOthers && OwnDeath.IsMatch(sentence))
                {
                    // "You'll regret this at my funeral" is about the writer's life, not a threat to the reader's.
                    found = CrisisKind.SelfHarm;
                }
                else if (kind == CrisisKind.SelfHarm && !OwnWords.IsMatch(match.Value) && !CrisisSignals.SaysI(match.Value) && IsAboutSomeoneElse(before))
                {
                    // "she wrote a suicide note", "he's self-harming": the ex's life, told by the user.
                    found = CrisisKind.ExSelfHarm;
                }

                yield return (level, found, match.Index, match.Length);
            }
        }
    }

    // "I'm not okay, I want to die": a denial of something else earlier in the sentence does not cancel the match.
    // "If you don't come back I'll end it all": a negation inside a condition is not a denial of what follows it.
    private static bool IsAffirmedAfterDenial(string before) =>
        before.TrimEnd().EndsWith("not okay", StringComparison.Ordinal) || before.TrimEnd().EndsWith("not ok", StringComparison.Ordinal) || Conditional.IsMatch(before);

    private static readonly Regex Conditional = new(@"\b(?:if|unless|when|once)\s+(?:you|u|he|she|they|my ex|i|it|this|things)\s+(?:don't|do not|doesn't|does not|won't|will not|didn't|did not|can't|cannot|isn't|aren't|never|not)\b[^.!?;]{0,30}?\b(?:i'll|i will|i'm going to|i am going to|i'm gonna|gonna|then)\b", RegexOptions.CultureInvariant);

    private static string SentenceAround(string text, int index)
    {
        var start = text.LastIndexOfAny(['.', '!', '?', '\n'], Math.Max(0, index - 1)) + 1;
        var end = text.IndexOfAny(['.', '!', '?', '\n'], index);
        return text[start..(end < 0 ? text.Length : end)];
    }

    private static Regex Build(params string[] patterns) =>
        new(string.Join("|", patterns.Select(p => $"(?:{p})")), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
