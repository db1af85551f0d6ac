using System.Text;

namespace Rekindle.Core.Coach;

/// <summary>
/// The draft as the patterns read it: lower case, straight quotes, stretched letters shrunk ("sooo" → "so"),
/// and texting shorthand spelled out ("ily" → "i love you", "u" → "you"). Every character keeps a link back
/// to the span of the draft it came from, so findings point at what the person actually typed.
/// </summary>
public sealed class NormalizedText
{
    private static readonly Dictionary<string, string> Shorthand = new(StringComparer.Ordinal)
    {
        ["u"] = "you", ["ya"] = "you", ["yu"] = "you", ["ur"] = "your", ["yr"] = "your", ["r"] = "are", ["ru"] = "are you",
        ["ily"] = "i love you", ["ilu"] = "i love you", ["ilysm"] = "i love you so much", ["luv"] = "love", ["lov"] = "love",
        ["pls"] = "please", ["plz"] = "please", ["plss"] = "please", ["pleez"] = "please", ["plez"] = "please", ["plese"] = "please", ["pleas"] = "please",
        ["wyd"] = "what are you doing", ["wbu"] = "what about you", ["hbu"] = "how about you", ["hru"] = "how are you", ["hyd"] = "how are you doing",
        ["rn"] = "right now", ["im"] = "i'm", ["ive"] = "i've", ["ill"] = "i'll", ["id"] = "i'd", ["dont"] = "don't", ["cant"] = "can't",
        ["wont"] = "won't", ["hows"] = "how's", ["itll"] = "it'll", ["didnt"] = "didn't", ["doesnt"] = "doesn't", ["isnt"] = "isn't", ["arent"] = "aren't", ["wasnt"] = "wasn't",
        ["youre"] = "you're", ["thats"] = "that's", ["whats"] = "what's", ["its"] = "it's", ["havent"] = "haven't", ["shouldnt"] = "shouldn't",
        ["bc"] = "because", ["cuz"] = "because", ["coz"] = "because", ["cos"] = "because", ["b4"] = "before", ["idk"] = "i don't know",
        ["idc"] = "i don't care", ["tho"] = "though", ["msg"] = "message", ["txt"] = "text", ["bf"] = "boyfriend", ["gf"] = "girlfriend",
        ["y"] = "why", ["wat"] = "what", ["wut"] = "what", ["sry"] = "sorry", ["sory"] = "sorry", ["soz"] = "sorry", ["realy"] = "really",
        ["rly"] = "really", ["srsly"] = "seriously", ["mis"] = "miss", ["mising"] = "missing", ["thx"] = "thanks", ["ty"] = "thank you",
        ["tmrw"] = "tomorrow", ["tmr"] = "tomorrow", ["2nite"] = "tonight", ["tonite"] = "tonight", ["l8r"] = "later", ["gonna"] = "going to",
        ["wanna"] = "want to", ["gotta"] = "got to", ["kinda"] = "kind of", ["ppl"] = "people", ["bby"] = "baby", ["bae"] = "baby",
        ["soo"] = "so", ["abt"] = "about", ["bout"] = "about", ["evrything"] = "everything", ["everythin"] = "everything", ["giv"] = "give",
        ["chanse"] = "chance", ["chnce"] = "chance", ["agian"] = "again", ["becuase"] = "because", ["ok"] = "okay", ["k"] = "okay", ["kk"] = "okay", ["omw"] = "on my way", ["nvm"] = "never mind", ["lmk"] = "let me know",
        // What people type when it is serious: the crisis reader reads the same text.
        ["kms"] = "kill myself", ["kys"] = "kill yourself", ["unalive"] = "kill", ["unaliving"] = "killing", ["sewerslide"] = "suicide",
        ["suicidel"] = "suicidal", ["sucidal"] = "suicidal", ["suicdal"] = "suicidal", ["sucide"] = "suicide", ["suiside"] = "suicide", ["suicde"] = "suicide",
        ["kil"] = "kill", ["myslf"] = "myself", ["myselfe"] = "myself", ["mysef"] = "myself", ["imma"] = "i'm going to", ["ima"] = "i'm going to",
        ["gna"] = "going to", ["wna"] = "want to", ["wnt"] = "want", ["dnt"] = "don't", ["cnt"] = "can't", ["tn"] = "tonight", ["2night"] = "tonight",
        ["2day"] = "today", ["2moro"] = "tomorrow", ["no1"] = "no one", ["noone"] = "no one", ["ne1"] = "anyone", ["every1"] = "everyone",
        ["sum1"] = "someone", ["any1"] = "anyone", ["anymor"] = "anymore", ["nemore"] = "anymore", ["wud"] = "would", ["wudnt"] = "wouldn't",
        ["shud"] = "should", ["cud"] = "could", ["iam"] = "i am", ["wen"] = "when", ["thru"] = "through",
        ["burdan"] = "burden", ["burdon"] = "burden", ["burdern"] = "burden", ["burdin"] = "burden", ["dissapear"] = "disappear", ["disapear"] = "disappear",
        ["dissappear"] = "disappear", ["gona"] = "going to", ["goin"] = "going", ["endin"] = "ending", ["thinkin"] = "thinking", ["livin"] = "living",
        ["wakin"] = "waking", ["dyin"] = "dying", ["killin"] = "killing", ["existin"] = "existing", ["nobdy"] = "nobody", ["nobudy"] = "nobody",
        ["evry1"] = "everyone", ["evryone"] = "everyone", ["every1s"] = "everyone's", ["pils"] = "pills", ["goodby"] = "goodbye", ["gudbye"] = "goodbye",
        ["alredy"] = "already", ["anymre"] = "anymore", ["aymore"] = "anymore", ["bettr"] = "better", ["wthout"] = "without", ["witout"] = "without",
    };

    private readonly int[] starts;
    private readonly int[] ends;

    private NormalizedText(string text, int[] starts, int[] ends)
    {
        Text = text;
        this.starts = starts;
        this.ends = ends;
    }

    public string Text { get; }

    /// <summary>Words in the draft, for the length rule.</summary>
    public int WordCount { get; private init; }

    /// <summary>The span of the original draft that normalized characters [start, start+length) came from.</summary>
    public (int Start, int Length) Original(int start, int length)
    {
        var from = starts[start];
        var to = ends[Math.Max(start, start + length - 1)];
        return (from, to - from);
    }

    public static NormalizedText From(string draft)
    {
        var text = new StringBuilder(draft.Length + 16);
        var starts = new List<int>(draft.Length + 16);
        var ends = new List<int>(draft.Length + 16);
        var words = 0;
        var i = 0;
        while (i < draft.Length)
        {
            if (IsWordChar(draft, i))
            {
                var start = i;
                var raw = new StringBuilder();
                while (i < draft.Length && (IsWordChar(draft, i) || (IsApostrophe(draft[i]) && i + 1 < draft.Length && IsWordChar(draft, i + 1))))
                {
                    raw.Append(IsApostrophe(draft[i]) ? '\'' : char.ToLowerInvariant(draft[i]));
                    i++;
                }

                words++;
                var word = ShrinkRuns(CollapseStretches(raw.ToString()));
                var expanded = Shorthand.TryGetValue(word, out var longhand) ? longhand : word;
                foreach (var c in expanded)
                {
                    text.Append(c);
                    starts.Add(start);
                    ends.Add(i);
                }

                continue;
            }

            var ch = draft[i];
            var normalized = ch switch
            {
                '\u2018' or '\u2019' or '\u02BC' => '\'',
                '\u201C' or '\u201D' => '"',
                '\r' or '\n' or '\t' => ' ',
                _ => char.ToLowerInvariant(ch),
            };
            text.Append(normalized);
            starts.Add(i);
            ends.Add(i + 1);
            i++;
        }

        return new NormalizedText(text.ToString(), [.. starts], [.. ends]) { WordCount = words };
    }

    /// <summary>A run of three or more of one letter becomes two ("neeeed" → "need"; "sooo" → "soo", which <see cref="ShrinkRuns"/> then reads as "so").</summary>
    private static string CollapseStretches(string word)
    {
        var result = new StringBuilder(word.Length);
        var run = 0;
        for (var k = 0; k < word.Length; k++)
        {
            run = k > 0 && word[k] == word[k - 1] ? run + 1 : 1;
            var runEnds = k + 1 == word.Length || word[k + 1] != word[k];
            if (runEnds)
            {
                result.Append(word[k], Math.Min(run, 2));
            }
        }

        return result.ToString();
    }

    /// <summary>"pleeease" keeps "ee" after the first pass; a run of two of the same letter at a stretch point becomes one when the word isn't known.</summary>
    private static string ShrinkRuns(string word)
    {
        if (Shorthand.ContainsKey(word) || word.Length < 4)
        {
            return word;
        }

        // Words like "pleease", "sooo" (→ "soo"), "youu": try the single-letter form if it is a word we know.
        var single = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            if (single.Length == 0 || single[^1] != c)
            {
                single.Append(c);
            }
        }

        var shrunk = single.ToString();
        return Known.Contains(shrunk) || Shorthand.ContainsKey(shrunk) ? shrunk : word;
    }

    /// <summary>Words that people stretch when they text, in their single-letter form.</summary>
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "please", "so", "you", "miss", "love", "sorry", "why", "hey", "hi", "no", "yes", "okay", "really", "now", "what", "back", "much", "need",
        "wait", "baby", "hello", "omg", "ugh", "whatever", "fine", "me", "sad", "lol", "haha", "hate", "help",
    };

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '\u02BC';

    private static bool IsWordChar(string s, int i) => char.IsLetterOrDigit(s[i]);
}
