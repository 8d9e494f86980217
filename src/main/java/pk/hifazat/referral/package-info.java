/**
 * Multi-agency referral (R-REFERRAL): which agencies a case needs (agencies.dmn), each
 * referral sent, acknowledged or routed on. Owns the table {@code referral}.
 */
@ApplicationModule(displayName = "Referral", allowedDependencies = {"area", "casefile", "support"})
package pk.hifazat.referral;

import org.springframework.modulith.ApplicationModule;
