# Generates the `tests:` section of rules/default.yaml from a calm base and overrides.
BASE = [
 ("self_harm_thoughts","none"),("self_harm_plan",None),("recent_attempt",'"no"'),("harm_others","none"),
 ("supervision_24_7",'"no"'),("self_care","managing"),("physical_health",'"no"'),
 ("reality_contact","none"),("voices_act",None),("high_energy",'"no"'),("others_worried",'"no"'),("stopped_meds",None),
 ("substance_use","none"),("daily_use",None),("withdrawal_history",None),("withdrawal_now","none"),
 ("daily_functioning","managing"),("support_frequency","weekly"),("hours_available","10"),
 ("home_safety","safe"),("housing","stable"),("outpatient_history","never"),("recent_discharge",'"no"'),
 ("can_attend",'"yes"'),("readiness","ready"),
]
def q(v):
    if v in ("no","yes"): return f'"{v}"'
    return v
CASES = []
def case(name, over, level, crisis, fired, notes, respondent=None):
    CASES.append((name, over, level, crisis, fired, notes, respondent))

O = "outpatient_first_line"
# ---- carried over from v1, placement unchanged
case("calm answers give standard outpatient", {}, "outpatient", False, [], [O])
case("a step-down from a psychiatric stay gives iop", {"recent_discharge":"yes"}, "iop", False, ["step_down"], ["step_down_plan"])
case("weekly therapy that was not enough gives iop", {"outpatient_history":"not_enough"}, "iop", False, ["outpatient_not_enough"], [])
case("support several times a week gives iop", {"support_frequency":"several_a_week"}, "iop", False, ["daily_support"], [])
case("too few hours for an intensive program adds the time note", {"support_frequency":"several_a_week","hours_available":"4"}, "iop", False, ["daily_support"], ["time_commitment"])
case("no time at all reads correctly at iop too", {"support_frequency":"several_a_week","hours_available":"0"}, "iop", False, ["daily_support"], ["time_commitment"])
case("no time at all at outpatient", {"hours_available":"0"}, "outpatient", False, [], ["no_time", O])
case("cannot attend and unsure at iop", {"outpatient_history":"not_enough","can_attend":"no","readiness":"unsure"}, "iop", False, ["outpatient_not_enough"], ["attendance","readiness"])
case("a plan to act is a crisis", {"self_harm_thoughts":"frequent","self_harm_plan":"yes"}, "inpatient", True, ["imminent_danger"], ["thoughts_support","inpatient_pause"])
case("a recent attempt is a crisis even without thoughts today", {"recent_attempt":"yes"}, "inpatient", True, ["imminent_danger"], ["inpatient_pause"])
case("intent to hurt someone is a crisis", {"harm_others":"intent"}, "inpatient", True, ["imminent_danger"], ["inpatient_pause"])
case("needing someone there day and night to stay safe is a crisis", {"supervision_24_7":"yes"}, "inpatient", True, ["imminent_danger"], ["inpatient_pause"])
case("unable to manage self-care gives inpatient", {"self_care":"needs_help"}, "inpatient", False, ["needs_constant_supervision","several_moderate"], ["inpatient_pause"])
case("self-injury without meaning to die gives iop, not a crisis", {"recent_attempt":"self_injury"}, "iop", False, [], ["self_injury_support"])
case("declining the thoughts question gives at least iop", {"self_harm_thoughts":"declined","self_harm_plan":"no"}, "iop", False, [], ["safety_not_assessed","thoughts_support"])
case("declining the harm to others question gives at least iop", {"harm_others":"declined"}, "iop", False, [], ["safety_not_assessed"])
case("a declined answer does not hide a crisis", {"self_harm_thoughts":"declined","self_harm_plan":"no","recent_attempt":"yes"}, "inpatient", True, ["imminent_danger"], ["safety_not_assessed","thoughts_support","inpatient_pause"])
case("frequent thoughts without a plan give iop", {"self_harm_thoughts":"frequent","self_harm_plan":"no"}, "iop", False, [], ["thoughts_support"])
case("an unsafe home with support needed several times a week gives inpatient", {"home_safety":"unsafe","support_frequency":"several_a_week"}, "inpatient", False, ["no_safe_home","daily_support"], ["home_safety_help","inpatient_pause"])
case("an unsafe home after a recent stay gives inpatient", {"home_safety":"unsafe","recent_discharge":"yes"}, "inpatient", False, ["no_safe_home","step_down"], ["home_safety_help","step_down_plan","inpatient_pause"])
# ---- 1. mania and psychosis, also without insight
case("little sleep with dangerous acts is a manic crisis", {"high_energy":"danger","stopped_meds":"no"}, "inpatient", True, ["manic_danger"], ["inpatient_pause"])
case("several days of mania with problems gives iop and a prompt check", {"high_energy":"problems","stopped_meds":"no"}, "iop", False, [], ["mood_or_reality_check"])
case("mania with problems after stopping a mood medicine gives inpatient", {"high_energy":"problems","stopped_meds":"yes"}, "inpatient", False, ["severe_mood_or_psychosis"], ["inpatient_pause"])
case("mania with problems that others are very worried about gives inpatient", {"high_energy":"problems","others_worried":"very","stopped_meds":"no"}, "inpatient", False, ["severe_mood_or_psychosis"], ["inpatient_pause"])
case("someone who denies everything but stopped a medicine while others are very worried gets iop", {"others_worried":"very","stopped_meds":"yes"}, "iop", False, ["relapse_signs"], ["mood_or_reality_check"])
case("a brief high with no problems stays outpatient with a prompt check", {"high_energy":"brief","stopped_meds":"no"}, "outpatient", False, [], ["mood_or_reality_check", O])
case("unusual experiences sometimes, with no orders, stay outpatient", {"reality_contact":"sometimes","voices_act":"no","stopped_meds":"no"}, "outpatient", False, [], ["mood_or_reality_check","moderate_watch", O])
case("frequent unusual experiences that give orders not acted on give iop", {"reality_contact":"often","voices_act":"told","stopped_meds":"no"}, "iop", False, [], ["mood_or_reality_check"])
case("experiences that order harm are a crisis", {"reality_contact":"sometimes","voices_act":"harm","stopped_meds":"no"}, "inpatient", True, ["imminent_danger","several_moderate"], ["inpatient_pause"])
case("frequent unusual experiences others are very worried about give inpatient", {"reality_contact":"often","voices_act":"no","others_worried":"very","stopped_meds":"no"}, "inpatient", False, ["severe_mood_or_psychosis"], ["inpatient_pause"])
case("declining the question about orders gives at least iop", {"reality_contact":"sometimes","voices_act":"declined","stopped_meds":"no"}, "iop", False, ["several_moderate"], ["safety_not_assessed","mood_or_reality_check"])
# ---- 2. someone else answering
case("a relative reporting a manic crisis", {"high_energy":"danger","others_worried":"very","stopped_meds":"yes"}, "inpatient", True, ["manic_danger","severe_mood_or_psychosis","relapse_signs"], ["inpatient_pause"], respondent="other")
case("a relative who does not know about thoughts of self-harm", {"self_harm_thoughts":"declined","self_harm_plan":"declined"}, "iop", False, [], ["safety_not_assessed","thoughts_support"], respondent="other")
case("a relative answering calmly gets the same level as the person would", {}, "outpatient", False, [], [O], respondent="other")
# ---- 3. medical danger
case("stopped eating and drinking for days is a medical emergency", {"physical_health":"danger"}, "inpatient", True, ["medical_emergency"], ["inpatient_pause"])
case("living alone and not eating is a medical emergency, with no one to help", {"self_care":"some_difficulty","physical_health":"danger"}, "inpatient", True, ["medical_emergency"], ["inpatient_pause"])
case("a doctor saying a hospital stay is needed gives inpatient", {"physical_health":"hospital_advised"}, "inpatient", False, ["hospital_advised"], ["inpatient_pause"])
case("some worry about physical health adds a doctor's check", {"physical_health":"some"}, "outpatient", False, [], ["medical_check", O])
# ---- 4. uncertain intent
case("not sure whether one would act is a crisis", {"self_harm_thoughts":"frequent","self_harm_plan":"unsure"}, "inpatient", True, ["imminent_danger"], ["thoughts_support","inpatient_pause"])
case("strong thoughts with no answer about a plan call for a same-day check", {"self_harm_thoughts":"frequent","self_harm_plan":"declined"}, "inpatient", True, ["intent_unknown"], ["safety_not_assessed","thoughts_support","inpatient_pause"])
case("passing thoughts with no answer about a plan give iop", {"self_harm_thoughts":"passive","self_harm_plan":"declined"}, "iop", False, [], ["safety_not_assessed","thoughts_support"])
# ---- 5. withdrawal, now and before
case("daily drinking with a withdrawal seizure long ago needs supervised withdrawal", {"substance_use":"problems","daily_use":"yes","withdrawal_history":"yes"}, "inpatient", False, ["supervised_withdrawal"], ["dont_stop_suddenly","inpatient_pause"])
case("a week out of residential rehab with no withdrawal now steps down to iop", {"substance_use":"no_problems","daily_use":"no","recent_discharge":"yes"}, "iop", False, ["step_down"], ["step_down_plan"])
case("a seizure in withdrawal now is a medical emergency", {"substance_use":"problems","daily_use":"yes","withdrawal_history":"no","withdrawal_now":"severe"}, "inpatient", True, ["medical_emergency","several_moderate"], ["withdrawal_advice","dont_stop_suddenly","inpatient_pause"])
case("mild withdrawal alone is an outpatient matter with advice", {"substance_use":"no_problems","daily_use":"yes","withdrawal_history":"no","withdrawal_now":"mild"}, "outpatient", False, [], ["moderate_watch","withdrawal_advice","dont_stop_suddenly","daily_use_watch", O])
case("a prescribed sleeping medicine every day, without problems", {"substance_use":"no_problems","daily_use":"yes","withdrawal_history":"no"}, "outpatient", False, [], ["dont_stop_suddenly","daily_use_watch", O])
# ---- 6. substance use by harm
case("use with serious harm gives iop", {"substance_use":"serious","daily_use":"no"}, "iop", False, [], ["substance_focus"])
case("use with some problems alone stays outpatient", {"substance_use":"problems","daily_use":"no"}, "outpatient", False, [], ["moderate_watch","substance_focus", O])
# ---- 8. home
case("safe in a shelter, needing support several times a week, gives iop with housing help", {"housing":"none","support_frequency":"several_a_week"}, "iop", False, ["daily_support"], ["housing_help"])
case("an unsafe home while struggling most days stays outpatient, with safety help", {"home_safety":"unsafe","daily_functioning":"hard_most_days"}, "outpatient", False, [], ["home_safety_help","moderate_watch", O])
case("not always safe at home adds the hotline at any level", {"home_safety":"unsure"}, "outpatient", False, [], ["home_safety_help", O])
# ---- 9. day programs
case("daily support and unable to manage daily tasks suggests a day program", {"support_frequency":"daily","daily_functioning":"cannot_manage"}, "iop", False, ["daily_support"], ["day_program"])
# ---- 10. one moderate problem is not an intensive program
case("struggling most days alone stays outpatient", {"daily_functioning":"hard_most_days"}, "outpatient", False, [], ["moderate_watch", O])
case("thoughts of hurting someone without intent stay outpatient", {"harm_others":"thoughts"}, "outpatient", False, [], ["others_support","moderate_watch", O])
case("two moderate problems together give iop", {"daily_functioning":"hard_most_days","substance_use":"problems","daily_use":"no"}, "iop", False, ["several_moderate"], ["substance_focus"])
# ---- everything
case("everything at its most severe", {
 "self_harm_thoughts":"frequent","self_harm_plan":"yes","recent_attempt":"yes","harm_others":"intent","supervision_24_7":"yes",
 "self_care":"needs_help","physical_health":"danger","reality_contact":"often","voices_act":"harm","high_energy":"danger",
 "others_worried":"very","stopped_meds":"yes","substance_use":"serious","daily_use":"yes","withdrawal_history":"yes",
 "withdrawal_now":"severe","daily_functioning":"cannot_manage","support_frequency":"daily","hours_available":"0",
 "home_safety":"unsafe","housing":"none","outpatient_history":"not_enough","recent_discharge":"yes","can_attend":"no","readiness":"not_ready"},
 "inpatient", True,
 ["imminent_danger","manic_danger","medical_emergency","needs_constant_supervision","hospital_advised" if False else None,"supervised_withdrawal","severe_mood_or_psychosis","no_safe_home","relapse_signs","step_down","outpatient_not_enough","daily_support","several_moderate"],
 ["home_safety_help","housing_help","readiness","thoughts_support","withdrawal_advice","dont_stop_suddenly","step_down_plan","inpatient_pause"])

out = ["\n# ---------------------------------------------------------------- tests\n",
       "# Each case answers every question that is asked, starting from a calm\n",
       "# picture; the name says what it is about.\n", "tests:\n"]
for name, over, level, crisis, fired, notes, respondent in CASES:
    fired = [f for f in fired if f]
    out.append(f"  - name: {name}\n")
    if respondent:
        out.append(f"    respondent: {respondent}\n")
    out.append("    answers:\n")
    for k, v in BASE:
        v = over.get(k, v)
        if v is None:
            continue
        out.append(f"      {k}: {q(v) if not v.startswith(chr(34)) else v}\n")
    out.append("    expect:\n")
    out.append(f"      level: {level}\n      crisis: {'true' if crisis else 'false'}\n")
    out.append(f"      fired: [{', '.join(fired)}]\n      notes: [{', '.join(notes)}]\n")
    out.append("\n")
open('/tmp/rules_tests.yaml','w').write(''.join(out).rstrip()+"\n")
print(len(CASES), "cases")
