namespace CertBot.Knowledge.Faq;

/// <summary>The classic Porter (1980) suffix stripper, in place on a lower-case span so queries do not allocate.</summary>
internal static class PorterStemmer
{
    /// <summary>Stems <paramref name="word"/> in place and returns the new length.</summary>
    public static int Stem(Span<char> word)
    {
        if (word.Length <= 2)
        {
            return word.Length;
        }

        var s = new State(word);
        s.Step1Ab();
        if (s.K > 0)
        {
            s.Step1C();
            s.Step2();
            s.Step3();
            s.Step4();
            s.Step5();
        }

        return s.K + 1;
    }

    private ref struct State
    {
        private readonly Span<char> _b;
        private int _j;

        public State(Span<char> b)
        {
            _b = b;
            K = b.Length - 1;
            _j = 0;
        }

        public int K { get; private set; }

        private readonly bool Cons(int i) => _b[i] switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' => false,
            'y' => i == 0 || !Cons(i - 1),
            _ => true,
        };

        // Number of vowel-consonant sequences in b[0.._j].
        private readonly int M()
        {
            var n = 0;
            var i = 0;
            if (!SkipRun(ref i, consonants: true))
            {
                return n;
            }

            i++;
            while (true)
            {
                if (!SkipRun(ref i, consonants: false))
                {
                    return n;
                }

                i++;
                n++;
                if (!SkipRun(ref i, consonants: true))
                {
                    return n;
                }

                i++;
            }
        }

        // Moves i past a run of consonants (or vowels); false when the run reaches the end of the stem.
        private readonly bool SkipRun(ref int i, bool consonants)
        {
            while (true)
            {
                if (i > _j)
                {
                    return false;
                }

                if (Cons(i) != consonants)
                {
                    return true;
                }

                i++;
            }
        }

        private readonly bool VowelInStem()
        {
            for (var i = 0; i <= _j; i++)
            {
                if (!Cons(i))
                {
                    return true;
                }
            }

            return false;
        }

        private readonly bool DoubleC(int j) => j >= 1 && _b[j] == _b[j - 1] && Cons(j);

        private readonly bool Cvc(int i)
        {
            if (i < 2 || !Cons(i) || Cons(i - 1) || !Cons(i - 2))
            {
                return false;
            }

            return _b[i] is not ('w' or 'x' or 'y');
        }

        private bool Ends(string s)
        {
            var length = s.Length;
            if (length > K + 1)
            {
                return false;
            }

            if (!_b.Slice(K - length + 1, length).SequenceEqual(s))
            {
                return false;
            }

            _j = K - length;
            return true;
        }

        private void SetTo(string s)
        {
            s.AsSpan().CopyTo(_b[(_j + 1)..]);
            K = _j + s.Length;
        }

        private void R(string s)
        {
            if (M() > 0)
            {
                SetTo(s);
            }
        }

        public void Step1Ab()
        {
            if (_b[K] == 's')
            {
                if (Ends("sses"))
                {
                    K -= 2;
                }
                else if (Ends("ies"))
                {
                    SetTo("i");
                }
                else if (K >= 1 && _b[K - 1] != 's')
                {
                    K--;
                }
            }

            if (Ends("eed"))
            {
                if (M() > 0)
                {
                    K--;
                }
            }
            else if ((Ends("ed") || Ends("ing")) && VowelInStem())
            {
                K = _j;
                if (Ends("at"))
                {
                    SetTo("ate");
                }
                else if (Ends("bl"))
                {
                    SetTo("ble");
                }
                else if (Ends("iz"))
                {
                    SetTo("ize");
                }
                else if (DoubleC(K))
                {
                    K--;
                    if (_b[K] is 'l' or 's' or 'z')
                    {
                        K++;
                    }
                }
                else
                {
                    _j = K;
                    if (M() == 1 && Cvc(K))
                    {
                        SetTo("e");
                    }
                }
            }
        }

        public void Step1C()
        {
            if (Ends("y") && VowelInStem())
            {
                _b[K] = 'i';
            }
        }

        public void Step2()
        {
            if (K < 1)
            {
                return;
            }

            switch (_b[K - 1])
            {
                case 'a':
                    if (Ends("ational")) { R("ate"); } else if (Ends("tional")) { R("tion"); }
                    break;
                case 'c':
                    if (Ends("enci")) { R("ence"); } else if (Ends("anci")) { R("ance"); }
                    break;
                case 'e':
                    if (Ends("izer")) { R("ize"); }
                    break;
                case 'l':
                    if (Ends("bli")) { R("ble"); } else if (Ends("alli")) { R("al"); } else if (Ends("entli")) { R("ent"); } else if (Ends("eli")) { R("e"); } else if (Ends("ousli")) { R("ous"); }
                    break;
                case 'o':
                    if (Ends("ization")) { R("ize"); } else if (Ends("ation")) { R("ate"); } else if (Ends("ator")) { R("ate"); }
                    break;
                case 's':
                    if (Ends("alism")) { R("al"); } else if (Ends("iveness")) { R("ive"); } else if (Ends("fulness")) { R("ful"); } else if (Ends("ousness")) { R("ous"); }
                    break;
                case 't':
                    if (Ends("aliti")) { R("al"); } else if (Ends("iviti")) { R("ive"); } else if (Ends("biliti")) { R("ble"); }
                    break;
                case 'g':
                    if (Ends("logi")) { R("log"); }
                    break;
            }
        }

        public void Step3()
        {
            switch (_b[K])
            {
                case 'e':
                    if (Ends("icate")) { R("ic"); } else if (Ends("ative")) { R(string.Empty); } else if (Ends("alize")) { R("al"); }
                    break;
                case 'i':
                    if (Ends("iciti")) { R("ic"); }
                    break;
                case 'l':
                    if (Ends("ical")) { R("ic"); } else if (Ends("ful")) { R(string.Empty); }
                    break;
                case 's':
                    if (Ends("ness")) { R(string.Empty); }
                    break;
            }
        }

        public void Step4()
        {
            if (K < 1)
            {
                return;
            }

            var matched = _b[K - 1] switch
            {
                'a' => Ends("al"),
                'c' => Ends("ance") || Ends("ence"),
                'e' => Ends("er"),
                'i' => Ends("ic"),
                'l' => Ends("able") || Ends("ible"),
                'n' => Ends("ant") || Ends("ement") || Ends("ment") || Ends("ent"),
                'o' => (Ends("ion") && _j >= 0 && _b[_j] is 's' or 't') || Ends("ou"),
                's' => Ends("ism"),
                't' => Ends("ate") || Ends("iti"),
                'u' => Ends("ous"),
                'v' => Ends("ive"),
                'z' => Ends("ize"),
                _ => false,
            };
            if (matched && M() > 1)
            {
                K = _j;
            }
        }

        public void Step5()
        {
            _j = K;
            if (_b[K] == 'e')
            {
                var a = M();
                if (a > 1 || (a == 1 && !Cvc(K - 1)))
                {
                    K--;
                }
            }

            if (_b[K] == 'l' && DoubleC(K))
            {
                _j = K;
                if (M() > 1)
                {
                    K--;
                }
            }
        }
    }
}
