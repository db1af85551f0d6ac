using System.Text.RegularExpressions;

namespace Rekindle.Core.Coach;

/// <summary>
/// The language each category listens for, over <see cref="NormalizedText"/> (lower case, shorthand spelled out).
/// Patterns are phrases, not single words, so ordinary messages pass: "love your new haircut" is not a
/// declaration and "this exam killed me" is not a threat.
/// </summary>
internal static class CoachPatterns
{
    public static readonly IReadOnlyList<(FindingCategory Category, Regex Pattern, bool Negatable)> All =
    [
        (FindingCategory.Begging, Build(
            @"\bplease (?:please |just )?(?:come back|take me back|give (?:me|us) (?:another|one more|a second)|don't (?:leave|go|give up)|talk to me|answer|reply|call me|forgive me|let me(?! know\b))\b",
            @"\b(?:come|coming) back to me\b",
            @"\btake me back\b",
            @"\b(?:i'm begging|i beg|begging you)\b",
            @"\b(?:one more|another|a second|a last) chance\b",
            @"\bi'll do anything\b",
            @"\bdon't give up on (?:us|me)\b",
            @"\bplease please\b",
            @"\b(?:i|i just) (?:want|need) you back\b",
            @"\bcan we please\b",
            @"\bi can't lose you\b",
            @"\bdon't leave me\b",
            @"\bplease(?:,)? please\b",
            @"\bplease (?:just )?come home\b",
            @"\b(?:i'll|i would|i'd) do anything (?:to get you back|for you)\b"), true),
        (FindingCategory.Pity, Build(
            @"\bi (?:can't|cannot|haven't been able to) (?:eat|sleep|function|stop crying|breathe|focus|get out of bed)\b",
            @"\b(?:i've|i have) been (?:crying|a wreck|a mess|so lonely|so depressed|miserable|falling apart)\b",
            @"\bi cry (?:every|all)\b",
            @"\b(?:i'm|i am|i feel) (?:such |so |completely |totally |a |an |just |literally |really |honestly )*(?:complete |total |absolute |hot |emotional )?(?:mess|wreck|falling apart|broken|lonely|miserable|depressed|destroyed|devastated|empty|lost without you|nothing)\b",
            @"\bmy life is (?:over|falling apart|nothing|empty|meaningless)\b",
            @"\bi have nothing (?:left|without you)\b",
            @"\bnothing without you\b",
            @"\bcan't (?:live|go on|cope) without you\b",
            @"\bno ?one (?:cares about me|loves me|understands me)\b",
            @"\bhaven't (?:eaten|slept) (?:in|for|since)\b",
            @"\bworst (?:weeks?|months?|time) of my life\b",
            @"\bi'm (?:really )?not (?:okay|ok|alright|fine)\b(?! with)",
            @"\b(?:i'm|i am) the worst (?:person|human)\b",
            @"\bi don't deserve (?:you|anyone|to be happy)\b",
            @"\bi'm (?:so )?(?:stupid|worthless|useless|pathetic)\b",
            @"\bi (?:barely|can't|don't) (?:sleep|eat)\b",
            @"\bi've lost so much weight\b",
            @"💔|🥺"), true),
        (FindingCategory.Guilt, Build(
            @"\bafter (?:everything|all) (?:i|i've) (?:did|done|gave|have done) for you\b",
            @"\bafter all (?:these|those) years\b",
            @"\bhow could you\b",
            @"\byou broke my heart\b",
            @"\byou (?:ruined|destroyed|wrecked) (?:me|my life|everything|us)\b",
            @"\b(?:i )?hope you're (?:happy|proud|satisfied) (?:now|with (?:yourself|her|him|them))\b",
            @"\bi hope you're (?:happy|proud|satisfied)(?= *[.!]| *$)",
            @"\b(?:you don't|you never|you didn't even) (?:care|cared)\b",
            @"\blook what you(?:'ve)? (?:did|done)\b",
            @"\bthanks to you\b",
            @"\byou owe me\b",
            @"\bi gave you (?:everything|the best years|my all)\b",
            @"\bi wasted (?:years|my time|so much)\b",
            @"\bmust be nice\b",
            @"\byou left me (?:alone|with nothing)\b",
            @"\bdo you even (?:care|feel bad)\b",
            @"\bhope (?:she's|he's|they're|it was) worth it\b",
            @"\bhope (?:he|she|they) makes? you happier\b",
            @"\bafter (?:all|everything) i (?:sacrificed|gave up|did)\b",
            @"\bthe least you (?:can|could) do\b",
            @"\byou (?:don't|didn't) even care\b",
            @"\bbecause of you\b",
            @"\bit's like i never (?:existed|mattered)\b"), false),
        (FindingCategory.Jealousy, Build(
            @"\bwho (?:is he|is she|is that|was that|are you seeing|were you with|have you been with|are you talking to)\b",
            @"\bare you (?:seeing|dating|with|sleeping with|talking to) (?:someone|anyone|him|her|somebody)\b",
            @"\byour (?:new )?(?:boyfriend|girlfriend|partner|man|woman|guy|girl|fling|date)\b",
            @"\bsaw you with\b",
            @"\byou're (?:with|seeing|dating|sleeping with) (?:him|her|someone|somebody|them)\b",
            @"\bwho's (?:he|she|that|the new|your new)\b",
            @"\bthe new (?:girl|guy|boyfriend|girlfriend|man|woman)\b",
            @"\b(?:happy|fun|serious) with (?:him|her)\b",
            @"\bhave you moved on\b",
            @"\b(?:sleeping|hooking up) with\b",
            @"\brebound\b",
            @"\b(?:tinder|hinge|bumble|dating app)\b",
            @"\b(?:he's|she's|they're) not (?:good|right) for you\b",
            @"\bis (?:he|she) (?:better|prettier|hotter|richer) than me\b",
            @"\bdo you love (?:him|her)\b",
            @"\breplaced me\b",
            @"\bwho(?:'s| is| was) the (?:guy|girl|man|woman|person)\b",
            @"\bwho (?:were|are) you (?:texting|messaging|talking to|with)\b",
            @"\bdid you (?:sleep|hook up) with\b",
            @"\b(?:still )?(?:dating|seeing) that (?:guy|girl|man|woman|person)\b",
            @"\bmoved on so (?:fast|quickly|soon)\b",
            @"\bin your (?:stories|story|photos|pics)\b",
            @"\b(?:is|was) (?:he|she|they|that guy|that girl) (?:the reason|why) (?:you|we)\b",
            @"\b(?:is|was) there (?:someone|somebody|anyone) else\b"), true),
        (FindingCategory.Blame, Build(
            @"\byou always\b(?! (?:did|made me (?:laugh|smile)|knew how|were (?:good|great|kind)|had the best|make the best))",
            @"\byou never\b(?! (?:have|need) to\b)",
            @"\b(?:it's|it is|it was) (?:all )?your fault\b",
            @"\byou're the (?:reason|one who)\b",
            @"\byou (?:lied|cheated|betrayed me|used me|abandoned me|gave up on us)\b",
            @"\byou're (?:so )?(?:selfish|a liar|toxic|crazy|pathetic|heartless|cruel|a narcissist|cold)\b",
            @"\byou (?:made|make) me (?:feel|do|like this|this way|crazy)\b",
            @"\bbecause of you\b",
            @"\byou couldn't (?:even|be bothered)\b",
            @"\byou didn't even (?:try|care|fight)\b",
            @"\bwhat is wrong with you\b",
            @"\byou ruined (?:us|it|this|everything)\b",
            @"\bi hate you\b",
            @"\badmit it\b"), true),
        (FindingCategory.Pressure, Build(
            @"\banswer me\b",
            @"\b(?:reply|respond|text me back|call me back|write back)(?: to me)? (?:already|asap|now|right now|immediately|today)\b",
            @"\bwhy (?:aren't|won't|don't|can't|haven't|didn't) you (?:answer|reply|respond|text|call|pick up|get back)\w*",
            @"\bare you ignoring me\b",
            @"\bstop ignoring me\b",
            @"\bdon't ignore me\b",
            @"\byou (?:need|have|have got|got) to (?:answer|reply|respond|call|talk|tell|decide|choose|give|see|meet|let me)\b",
            @"\bi (?:need|deserve|want) (?:an answer|a reply|to know now|answers)\b",
            @"\b(?:let me know|tell me|decide|answer) by (?:tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the end)\b",
            @"\b(?:this is your )?(?:last|final) chance\b",
            @"\bif you don't\b[^.!?]{0,60}\b(?:i'll|i will|we're done|it's over|i'm done|never)\b",
            @"\bnow or never\b",
            @"\bhello\?{2,}|\?{3,}",
            @"\bi'll (?:keep (?:calling|texting|trying)|be waiting)\b",
            @"\bi'm (?:still )?waiting (?:for you|for an answer|for a reply)\b",
            @"\bwhy did(?:n't)? you (?:read|see) my\b",
            @"\bi (?:saw|know) you (?:read|saw|opened) (?:it|my)\b",
            @"\bcall me (?:now|asap|right now|tonight)\b",
            @"\bif you\b[^.!?]{0,60}\b(?:we're done|it's over|i'm done|we are done|i'm leaving)\b",
            @"\bi'm done waiting\b",
            @"\bi need (?:an answer|to know) (?:now|today|tonight|right now)\b",
            @"\b(?:reply|answer|respond|call) (?:[^.!?]{0,20} )?now\b(?=.*(?:done|waiting|!))"), true),
        (FindingCategory.Promise, Build(
            @"\b(?:i'll|i will|i'm going to|i promise i'll|i promise to) (?:change|be better|be different|do better|never (?:do|hurt|lie|cheat|yell|drink)|stop (?:drinking|lying|being)|be the (?:partner|person))\b",
            @"\b(?:i've|i have) (?:changed|completely changed|really changed|grown so much)\b",
            @"\bi promise (?:i'll|i will|to|it will|it won't|things will|i won't|i'm going to|i can|i've|you)\b",
            @"\b(?:i've changed|i'll change)\b",
            @"\bi swear (?:i'll|i will|it will|things will|i won't|it won't)\b",
            @"\b(?:it|things) will be (?:different|better) (?:this time|now)\b",
            @"\bi'm a (?:different|new|changed|better) (?:person|man|woman)\b",
            @"\bit will never happen again\b",
            @"\bi'll never\b(?! (?:forget|stop))",
            @"\bi won't (?:ever )?(?:do|make) (?:that|it|those mistakes) again\b"), true),
        (FindingCategory.Games, Build(
            @"\bi (?:don't|do not) (?:even )?(?:miss|love|need|want|care about) you\b",
            @"\b(?:i'm|i am) (?:so |totally |completely |100% |finally )?over you\b",
            @"\bi (?:don't|do not) care (?:anymore|what you do|either way|at all|about any of it)\b",
            @"\b(?:i've|i have) (?:totally |completely )?moved on\b",
            @"\bi'm (?:seeing|dating|talking to) (?:someone|somebody|a new|this guy|this girl)\b",
            @"\bi met someone\b",
            @"\bmy new (?:boyfriend|girlfriend|partner|man|woman|guy|girl)\b",
            @"\bnot that i care\b",
            @"\b(?:i've|i have) never been happier\b",
            @"\b(?:having|living) the (?:time|best time) of my life\b",
            @"\bsomeone (?:asked me out|hit on me|bought me)\b",
            @"\b(?:oops|sorry),? (?:wrong (?:number|person|chat)|that wasn't (?:for|meant for) you|meant to send that to)\b",
            @"\bwrong (?:number|person)\b",
            @"\bguess who\b",
            @"\bdon't flatter yourself\b",
            @"\bjust so you know\b(?!,? (?:the (?:school|nursery|keys|car|appointment|form|payment|rent|bill|club|match|handover|pick ?up|drop ?off)|i'll be (?:there|late|collecting|dropping|picking)|pick ?up|drop ?off|school|nursery))",
            @"\b(?:i've|i have) been (?:seeing|dating|talking to|hanging out with) (?:someone|somebody|this|a new|a guy|a girl)\b",
            @"\bhad a (?:date|hot date)\b",
            @"\b(?:doing|living) (?:amazing|great|so much better|fantastic) without you\b",
            @"\bnot that you care\b",
            @"\bi don't care who you're\b"), true),
        (FindingCategory.Declaration, Build(
            @"\b(?:i|i still|still) (?:love|adore) you\b",
            @"\b(?:i'm|i am) (?:still )?in love with you\b",
            @"\blove you\b",
            @"\bi love (?:us|you so much)\b",
            @"\b(?:i|i still|still|i really|really|i so) miss (?:you|your|us|talking to you|hearing from you|having you)\b",
            @"\bmiss(?:ing)? you\b",
            @"\bcan't stop (?:thinking about|missing|dreaming about) you\b",
            @"\b(?:thinking|dreaming) (?:about|of) you\b",
            @"\bnever stopped (?:loving|missing|thinking about) you\b",
            @"\b(?:you're|your|you are) the (?:one|love of my life|only one)\b",
            @"\b(?:you are|you were) the love of my life\b",
            @"\bi need you\b(?! to (?!come back|stay|love|be (?:with|mine|here for me)))",
            @"\bsoul ?mate\b",
            @"\bmy heart (?:still )?(?:belongs|aches|hurts)\b",
            @"\bi want you\b(?! to (?!come back|stay|love|be (?:with|mine)))",
            @"\byou mean (?:everything|the world) to me\b",
            @"\bi think about you\b",
            @"❤️|❤|😍|😘|🥰|💕|💖|💗|💓|💞"), true),
        (FindingCategory.RelationshipTalk, Build(
            @"\b(?:get|getting|got) back together\b",
            @"\bgive (?:us|this|it|things) (?:another|a second|one more) (?:chance|try|shot|go)\b",
            @"\b(?:try|trying) (?:us )?again\b(?! (?:later|tomorrow|next))",
            @"\bwhat went wrong\b",
            @"\bwhere (?:we|it|things) went wrong\b",
            @"\bclosure\b",
            @"\bdo you (?:still )?(?:miss|love|think about) me\b",
            @"\bdo you ever (?:think|wonder) about (?:me|us|what)\b",
            @"\bour relationship\b",
            @"\b(?:the|our) break ?up\b",
            @"\bwhy did (?:you|we) (?:leave|end it|break up|give up)\b",
            @"\bwe need to talk\b",
            @"\b(?:talk|talking) about (?:us|what happened|the relationship|where we stand|our future|what we had)\b",
            @"\bwork (?:things|it|this) out\b",
            @"\bfix (?:this|us|things|what we had)\b",
            @"\bstart (?:over|fresh|again)\b",
            @"\bmake (?:it|this|us) work\b",
            @"\bwe were (?:so )?(?:good|great|perfect|meant) (?:together|to be)\b",
            @"\b(?:a |the )?(?:healthier|better|new|stronger) (?:us|version of us)\b",
            @"\bour future\b",
            @"\b(?:us|we) (?:again|back)\b",
            @"\bwhat (?:we|we've) had\b",
            @"\bbe together (?:again)?\b",
            @"\bwhere (?:we|this) (?:stand|is going)\b",
            @"\bdo you (?:ever|still) miss (?:me|us)\b",
            @"\b(?:i'm|i am) sorry (?:for|about) everything\b",
            @"\bi (?:really )?(?:messed|screwed|fucked) (?:up|it up|everything up)\b",
            @"\b(?:any|a) chance (?:for|of) us\b",
            @"\b(?:one more|another|a second|a last) chance\b",
            @"\bget you back\b",
            @"\bwhether we're (?:a thing|together|back)\b",
            @"\bwe broke up\b",
            @"\bif you still love me\b"), true),
        (FindingCategory.WellbeingQuestion, Build(
            @"\bhow (?:are|have) you(?: been| doing)?\b",
            @"\bhow (?:are|is) (?:things|everything|life|it going)\b",
            @"\bhow's (?:it going|life|everything|things)\b",
            @"\bare you (?:okay|alright|all right|doing okay|well|good)\b",
            @"\bhope you(?:'re| are) (?:okay|well|doing (?:okay|well)|good|alright)\b"), true),
        (FindingCategory.LateNight, Build(
            @"^\W*(?:hey\W*)?(?:are )?you (?:still )?(?:up|awake)\b(?= *\?)",
            @"\b(?:are you|you) still (?:up|awake)\b(?= *\?)",
            @"\b(?:can't sleep|couldn't sleep)\b[^.!?]{0,20}\b(?:you|thinking)\b",
            @"\b(?:[1-4] ?am|midnight) (?:and i'm|thoughts)\b",
            @"\b(?:drunk|tipsy|a few drinks in)\b[^.!?]{0,30}\byou\b"), true),
        (FindingCategory.Feelings, Build(
            @"\bi (?:feel|felt) (?:so |really |very |completely |quite |a bit |a little |kind of |pretty )?(?:sad|hurt|upset|angry|lonely|alone|heartbroken|crushed|betrayed|abandoned|rejected|used|scared|anxious|confused|awful|terrible|empty|lost|disrespected|unloved|invisible|worthless|numb)\b",
            @"\b(?:i'm|i am|i've been|i have been) (?:so |really |very |still |quite |pretty |honestly |just )?(?:hurt|upset|heartbroken|crushed|sad|lonely|struggling|angry|devastated|gutted|shattered)\b(?! (?:to|with (?:the|money|time|work|childcare))\b)",
            @"\bit (?:really |still )?(?:hurts|hurt me|broke my heart|breaks my heart|kills me|tears me apart)\b",
            @"\b(?:this|that|it) (?:is|has been|was) (?:so |really )?(?:hard|painful|difficult) for me\b",
            @"\bmy (?:feelings|heart)\b",
            @"\bhow (?:much )?(?:you hurt me|much it hurt|i feel|i felt)\b",
            @"\byou hurt me\b",
            @"\bi(?:'ve| have) been (?:crying|in pieces)\b",
            @"😢|😭|😞|😔"), true),
        (FindingCategory.Apology, Build(
            @"\b(?:i'm|i am) (?:so |really |truly |very |deeply |sincerely |just |honestly )*sorry\b(?! (?:for the (?:delay|late reply|slow reply|short notice|wait|confusion|mix ?up)|(?:i'm|i'll be|for being|to be) (?:late|running|a bit late)|(?:but|,) (?:i|i'll|i'm|i can't|we) (?:can't|won't|need|will be|am|have) )|,? (?:running|i'll be (?:late|a few))|[,.]? *i'?m running)",
            @"\bi apologi[sz]e\b(?! for the (?:delay|confusion|short notice|late reply))",
            @"\bmy apologies\b(?! for the (?:delay|confusion|short notice|late reply))",
            @"\bforgive me\b",
            @"\bi regret\b",
            @"\b(?:it was|it's|that was) (?:all )?my fault\b",
            @"\bsorry (?:for|about) (?:everything|hurting|what i|how i|the way i|us|all of it|all that|how things|what happened|before|last (?:night|week|time))\b",
            @"\bi owe you an apology\b",
            @"\bi should(?:n't| not) have\b",
            @"\bi didn't mean (?:to|it)\b",
            @"^ *(?:so |really )?sorry\b(?![,.]? *(?:i'?m |i'll be |for the )?(?:late|running|delay|short notice|wait))"), true),
        (FindingCategory.Reminiscing, Build(
            @"\bremember (?:when|the time|that time|how we|our|us|the day|the night|that night|that day|when we)\b",
            @"\b(?:reminds|reminded) me of (?:you|us|when|our|the time|that)\b",
            @"\bback when (?:we|you and i|it was)\b",
            @"\b(?:the )?good (?:old )?(?:days|times)\b",
            @"\blike old times\b",
            @"\bour (?:song|place|spot|trip|holiday|vacation|first (?:date|kiss|flat|home|holiday|trip)|anniversary|wedding|honeymoon|photos|pictures|memories|old (?:place|flat|house|spot))\b",
            @"\bi (?:found|came across|was looking at|looked at|saw) (?:our|your|some|the|an) (?:old )?(?:photo|photos|picture|pictures|letter|letters|card|cards|ring|video|videos|messages)\b(?! (?:you need|for the|of the (?:kids|children) for))",
            @"\bwe used to\b",
            @"\b(?:those|the) (?:days|nights|summers|mornings|weekends) (?:we|when we)\b",
            @"\bmemor(?:y|ies) of (?:us|you|our)\b",
            @"\bnostalgi\w*",
            @"\bthinking about (?:the past|old times|how it was|how things were|us)\b"), true),
        (FindingCategory.PersonalQuestion, Build(
            @"\bwhat (?:have you been|are you) (?:up to|doing (?:these days|lately|now|tonight|this weekend|with yourself))\b",
            @"\bwhat are you up to\b",
            @"\bhow(?:'s| is| was| are) (?:work|the new (?:job|place|flat|house|car|guy|girl)|your (?:new )?(?:job|work|family|mum|mom|dad|mother|father|sister|brother|parents|friends|weekend|trip|holiday|birthday|day|week|life|place|flat|apartment|date|therapy|health|boss))\b",
            @"\bhow (?:did|was|were) (?:the|your) (?:trip|holiday|interview|weekend|date|party|birthday|night out|wedding|concert|holidays)\b",
            @"\bare you (?:still )?(?:seeing|dating|living with|happy|working at|with|single)\b",
            @"\bwho (?:are you|were you) (?:with|seeing|out with)\b",
            @"\bdid you (?:have (?:fun|a good)|enjoy|get the job|go out)\b",
            @"\bwhere (?:are you|have you been) (?:living|staying|working|going)(?: now| these days| lately)?\b",
            @"\bhope (?:work|the new job|your (?:family|mum|mom|dad|trip|holiday|new job|birthday)) (?:is|was|went)\b",
            @"\bhow are (?:you|things) (?:getting on|holding up|keeping)\b",
            @"\bwhat(?:'s| is) new (?:with you|in your life)\b"), true),
        (FindingCategory.Reconnection, Build(
            @"\b(?:we should|we could|maybe we (?:could|should)|let's|lets|want to|would you like to|do you want to|fancy|shall we|how about we) (?:get|grab|have|go for|meet (?:up )?for) (?:a |some )?(?:coffee|drink|drinks|dinner|lunch|breakfast|bite|walk|chat)\b",
            @"\b(?:catch up|hang out)\b(?! (?:on|with (?:the|school|their|his|her)))",
            @"\bmeet up (?:sometime|soon|some time|for a|and talk|to talk)\b",
            @"\b(?:my|the) door (?:is|will always be) (?:always )?open\b",
            @"\b(?:i'm|i am|i'll (?:always )?be) (?:always |still )?here (?:for you|if you (?:ever )?(?:need|want))\b",
            @"\b(?:call|text|message|ring) me (?:anytime|any time|whenever|if you (?:ever )?(?:want|need) to (?:talk|chat))\b",
            @"\bif you (?:ever )?(?:want|need) to (?:talk|chat)\b",
            @"\b(?:can|could) we (?:talk|meet|see each other|be friends|start over|go back)\b(?! about (?:the |pick|drop|money|rent|bills|keys|school|arrangements))",
            @"\b(?:still |just )?be friends\b",
            @"\bit (?:would be|'d be) (?:nice|good|great|lovely) to (?:see|hear from|talk to|catch up|chat)\b",
            @"\bwould love to (?:see|hear from|talk|catch up|chat)\b",
            @"\bwe (?:need|should|could|ought) to talk\b(?! about (?:the |pick|drop|money|rent|bills|keys|school|arrangements))",
            @"\blet me know if you (?:ever )?(?:want|need) (?:anything|to talk|me)\b",
            @"\bsee you (?:soon|around)(?: (?:i hope|hopefully))?[ .!]*(?:x+)?$",
            @"(?<=[ .!])x{1,4}[ .!]*$"), true),
        (FindingCategory.OverExplaining, Build(
            @"\bthe (?:only )?reason (?:i|is|why|that)\b",
            @"\bi hope you (?:can )?(?:understand|see|know)\b",
            @"\bplease (?:try to )?understand\b",
            @"\b(?:i'm|i am) only (?:saying|asking|doing|telling you) this\b",
            @"\bi don't want you to (?:think|feel|get the wrong)\b",
            @"\bit's not (?:that|because) i\b",
            @"\bi(?:'m| am) not trying to\b",
            @"\b(?:let me|i (?:want|need|have) to|i feel like i (?:need|have) to|i should) explain\b",
            @"\bto be (?:fair|honest|clear)\b(?!,? (?:the|i'll|i will|pick|drop))",
            @"\bi know (?:you|this|it) (?:might|may|will|probably|must)\b",
            @"\bi just (?:feel|think|want you to know|wanted (?:to say|you to know|to explain))\b",
            @"\bi(?:'ve| have) (?:been|had) (?:thinking|going through|dealing with) (?:a lot|so much|everything)\b",
            @"\bwhich is why\b",
            @"\bin my defen[cs]e\b"), true),
        (FindingCategory.EmotionalBait, Build(
            @"\byou know what you did\b",
            @"\bi guess i'm (?:the bad guy|the villain|always wrong|the problem)\b",
            @"\b(?:as usual|like always|same as always|typical of you)\b",
            @"\btypical(?= *[.!]| *$)",
            @"\bfor once\b",
            @"\bfunny how\b",
            @"\bclearly you\b",
            @"\bmust be nice\b",
            @"\bhope you're (?:happy|proud|satisfied)\b",
            @"\bnot that you (?:care|cared|would care|ever cared)\b",
            @"\bif you (?:actually |really |even )?cared\b",
            @"\bi'm sure you'll (?:twist|blame|find|make|ignore)\b",
            @"\b(?:real|very) mature\b",
            @"\b(?:just )?grow up(?= *[.!]| *$)",
            @"\bthanks for nothing\b",
            @"\bnice of you to\b",
            @"\b(?:answer|reply to) me\b",
            @"\b(?:are you|stop|quit|don't) ignor(?:e|ing) me\b",
            @"\bwhy (?:aren't|won't|don't|can't|haven't|didn't) you (?:answer|reply|respond|text|call|pick up|get back)\w*",
            @"\bwhatever(?= *[.!]| *$)",
            @"\bif that's not too much to ask\b",
            @"\bi shouldn't have to (?:tell|remind|ask)\b",
            @"\bsome of us (?:have|actually|work|care)\b",
            @"\bwe both know\b",
            @"\byou'd know (?:if|that)\b",
            @"\bhello\?{2,}|\?{3,}",
            @"🙄|😒|🙃"), false),
    ];

    /// <summary>Reasons given for a practical arrangement: one is fine; several in one message is over-explaining.</summary>
    public static readonly Regex Reasons = Build(
        @"\bbecause\b", @"\bsince i\b", @"\bthe reason\b", @"\bthat's why\b", @"\bwhich is why\b", @"\bso that\b", @"\bas i (?:said|mentioned|explained)\b");

    // No match timeout: the patterns are phrase alternations without nested unbounded repeats, the input is capped
    // at DraftCoach.MaxLength, and a timeout under load would silently drop a safety finding.
    private static Regex Build(params string[] patterns) =>
        new(string.Join('|', patterns.Select(p => $"(?:{p})")), RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, Regex.InfiniteMatchTimeout);

    private static readonly Regex NegationCue = new(
        @"(?:\bnot|n't|\bnever|\bno|\bwithout|\bstop|\bnobody said)\s+(?:\w+\s+){0,4}$",
        RegexOptions.Compiled | RegexOptions.CultureInvariant, Regex.InfiniteMatchTimeout);

    /// <summary>"i'm not asking you to come back", "no pressure to reply": a cue shortly before, in the same clause, cancels the match.</summary>
    public static bool IsNegated(string text, int matchStart)
    {
        var clauseStart = matchStart;
        var words = 0;
        while (clauseStart > 0 && words < 6)
        {
            var c = text[clauseStart - 1];
            if (c is '.' or '!' or '?' or ';' or ',' or '\n')
            {
                break;
            }

            if (c == ' ')
            {
                words++;
            }

            clauseStart--;
        }

        var before = text[clauseStart..matchStart];

        // "you never listened and now you're with him": a new clause after "and" or "but" starts afresh.
        foreach (var joiner in new[] { " and ", " but ", " so " })
        {
            var at = before.LastIndexOf(joiner, StringComparison.Ordinal);
            if (at >= 0)
            {
                before = before[(at + joiner.Length - 1)..];
            }
        }

        return before.Length > 0 && NegationCue.IsMatch(before);
    }
}
