package com.bourse.ui.view;

import com.bourse.ui.model.Decimals;

/** Counts as a trader reads them: grouped digits and the noun in the right number ("1 fill", "1,200 orders"). */
public final class Numbers {
    private Numbers() {
    }

    /** "1 fill", "3 fills", "12,000 fills"; nouns ending in s, x, ch or sh take "es". */
    public static String count(long n, String noun) {
        String plural = noun.matches(".*(s|x|ch|sh)$") ? noun + "es" : noun + "s";
        return Decimals.format(n, 0) + " " + (n == 1 ? noun : plural);
    }
}
