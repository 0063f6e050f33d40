# Las palabras propias de carelevel en español (neutro, de usted). Cada
# mensaje tiene el mismo id y las mismas $variables que en inglés (lo
# comprueba una prueba). Los textos de las reglas vienen del archivo de reglas.

## Reports

crisis-heading = !! CRISIS: PIDA AYUDA AHORA !!
record = Registro: { $id }
answered-by-other = Respondido por otra persona, no por la persona evaluada. Las respuestas reflejan lo que sabe o ha visto quien respondió.
recommended-level = Nivel de atención recomendado: { $level }
partial-result = Basado solo en las respuestas dadas: el cuestionario terminó antes de tiempo.
next-step = Próximo paso: { $step }
main-reason = Motivo principal: { $reason }
clinicians-decision = Decisión clínica: { $chosen }, en lugar del nivel recomendado, { $recommended }. Motivo: { $reason } La recomendación y sus motivos, abajo, no cambian.
why-heading = Por qué este nivel
why-lead =
    { $count ->
        [one] Esto es lo que lleva a este nivel:
       *[other] Esto es lo que lleva a este nivel:
    }
also-counted = También se tuvo en cuenta:
on-its-own = Por sí solo, esto lleva a: { $level }.
your-answers =
    { $count ->
        [one] Su respuesta:
       *[other] Sus respuestas:
    }
answers-show-heading = Lo que muestran sus respuestas
in-practice-heading = Qué significa en la práctica
notes-heading = Para tener en cuenta
comparison-heading = Los niveles de atención, lado a lado
recommended-mark = (recomendado)
rules-line = Reglas: { $id } { $version } (sha256 { $sha }); { $made-by }

## Markdown only

md-crisis-heading = Crisis: pida ayuda ahora.
md-next-step = Próximo paso
md-decision = Decisión clínica
md-decision-text = { $chosen }, en lugar del nivel recomendado, { $recommended }.
md-reason = Motivo
md-unchanged = La recomendación y sus motivos, abajo, no cambian.
md-area = Área
md-concern = Preocupación
md-answers-behind = Respuestas que la explican

## Ratings, in words

rating =
    { $rating ->
        [0] sin preocupación
        [1] leve
        [2] moderada
        [3] seria
       *[4] grave
    }
rating-so-far = { $rating } (según lo respondido)
not-asked = no se preguntó

## Why a level: sentences around the rule file's reasons

declined-self = Usted prefirió no responder { $titles }.
declined-other = Usted prefirió no decir la respuesta a { $titles }.
unknown-self = Usted no tenía clara la respuesta a { $titles }.
unknown-other = Usted no sabía la respuesta a { $titles }.
declined-floor = { $declined } Como no se pudo evaluar la seguridad, este cuestionario no recomienda un nivel más bajo que este.
ratings-agree-complete = Sus respuestas, en conjunto, también llevan a este nivel.
ratings-agree-partial = Las respuestas dadas también llevan a este nivel.
without-deciding-complete =
    { $count ->
        [one] Sin esto, sus respuestas, en conjunto, llevarían a: { $level }.
       *[other] Sin estos motivos, sus respuestas, en conjunto, llevarían a: { $level }.
    }
without-deciding-partial =
    { $count ->
        [one] Sin esto, las respuestas dadas llevarían a: { $level }.
       *[other] Sin estos motivos, las respuestas dadas llevarían a: { $level }.
    }
ratings-sum = Sus calificaciones suman { $score }, y ese total lleva a este nivel de atención.
ratings-none = Ninguna de sus respuestas muestra una preocupación que necesite más que este nivel de atención.
ratings-lowest = Sus respuestas muestran, como mucho, preocupación { $rating } ({ $areas }), y nada que requiera más que este nivel de atención.
ratings-top =
    { $count ->
        [one] La preocupación más seria en sus respuestas es { $areas }, con calificación { $rating }, lo que lleva a este nivel de atención.
       *[other] Las preocupaciones más serias en sus respuestas son { $areas }, con calificación { $rating }, lo que lleva a este nivel de atención.
    }
a-question = una pregunta
list-and = { $init } y { $last }

## Template comments

template-for = Archivo de respuestas para: { $title }
template-rules = Reglas: { $id } { $version }
template-fill-in = Cómo llenarlo: después del id de cada pregunta, escriba uno de los códigos de respuesta que aparecen arriba de ella.
template-result = Luego vea el resultado: { $command }
template-guided = O responda las preguntas una por una en una terminal, guardando a medida que avanza: { $command }
template-follow-up = Deje en blanco una pregunta de seguimiento cuando su condición no se cumple: no se pregunta.
template-other = Respondido por otra persona, acerca de la persona evaluada:
template-codes = Responda con una lista de cualquiera de estos códigos, por ejemplo [a, b]:
template-code = Responda con uno de estos códigos:
template-number = Responda con un número entero de { $min } a { $max }{ $unit }.
template-asked-when = Se pregunta solo cuando { $condition }.
template-optional = Opcional.
cond-and = y
cond-or = o
cond-not = no { $condition }
cond-is = { $id } es { $value }
cond-in = { $id } es uno de { $value }
cond-at-least = { $id } es como mínimo { $value }
cond-at-most = { $id } es como máximo { $value }

## The guided questionnaire

flow-not-saving = Sus respuestas no se guardan a medida que avanza. Para conservarlas, empiece con: { $command }
flow-saving = Sus respuestas se guardan en { $path } después de cada una.
flow-resuming =
    { $given ->
        [one] Continuando desde { $path }: se cargó { $given } respuesta; seguimos con la pregunta { $number } de { $total }, la primera sin responder. Sus respuestas se guardan allí después de cada una.
       *[other] Continuando desde { $path }: se cargaron { $given } respuestas; seguimos con la pregunta { $number } de { $total }, la primera sin responder. Sus respuestas se guardan allí después de cada una.
    }
flow-resuming-all =
    { $given ->
        [one] Continuando desde { $path }: ya está { $given } respuesta. Revísela en la pantalla de repaso y cámbiela si quiere; los cambios se guardan allí.
       *[other] Continuando desde { $path }: ya están las { $given } respuestas. Revíselas en la pantalla de repaso y cambie las que quiera; los cambios se guardan allí.
    }
flow-keep =
    { $given ->
        [one] Su respuesta no está guardada. Para conservarla, escriba un nombre de archivo o presione Enter para usar el que se muestra (Ctrl-C otra vez: salir sin guardar)
       *[other] Sus { $given } respuestas no están guardadas. Para conservarlas, escriba un nombre de archivo o presione Enter para usar el que se muestra (Ctrl-C otra vez: salir sin guardar)
    }
flow-keep-default = mis-respuestas.yaml
flow-keep-exists = { $path } ya existe, así que no se guardó nada. Sus respuestas no se conservan.
not-saved = No se guardó: { $why }
who-question = ¿Quién responde estas preguntas?
who-myself = Respondo sobre mí
who-other = Respondo sobre otra persona, por ejemplo mi hijo o hija, mi pareja, mi padre o mi madre
flow-about-someone = Usted está respondiendo acerca de otra persona. Responda por ella lo mejor que pueda; cuando una pregunta lo ofrece, puede decir que no lo sabe.
first-question = Esta es la primera pregunta; no hay ninguna antes.
needs-answer = Esta pregunta necesita una respuesta.
flow-removed-one = Se quitó su respuesta a { $title }: esa pregunta ya no corresponde después de este cambio.
flow-removed-many = Se quitaron sus respuestas a estas preguntas, porque ya no corresponden después de este cambio: { $titles }
skipped = (omitida)
answered = Su respuesta: { $answer }
no-more-help = No hay más ayuda para esta pregunta.
menu-skip = Omitir esta pregunta
menu-back = ← Atrás
menu-help = ? ¿Qué significa esto?
your-answer-prompt = Su respuesta
multi-prompt = Sus respuestas (Espacio selecciona, Enter confirma, Esc vuelve atrás)
multi-declines = "Prefiero no decirlo" y "No lo sé" no se pueden combinar con otras respuestas.
key-back = b = atrás
key-help = ? = ayuda
key-skip = vacío = omitir
whole-number = escriba un número entero de { $min } a { $max }
terminal-keys = Use las flechas y Enter para responder. Esc o "← Atrás" vuelve a la pregunta anterior; "? ¿Qué significa esto?" explica una pregunta. Ctrl-C termina.
question-of = Pregunta { $number } de { $total }
crisis-continue = Seguir con las preguntas
crisis-stop = Parar aquí y ver el resultado
crisis-what-now = ¿Qué desea hacer?
review-heading = Sus respuestas
review-submit = Sí, son correctas: ver el resultado
review-prompt = ¿Son correctas sus respuestas?
after-full-report = Ver el informe completo (motivos, notas y qué significa cada nivel)
after-save = Guardar el informe completo en un archivo
after-finish = Terminar
after-prompt = ¿Qué desea hacer ahora?
result-saved = El resultado está guardado en { $path }.
report-saved = El informe completo está guardado en { $path } (solo usted puede leerlo).
not-saved-plain = No se guardó.
save-report-as = Guardar el informe completo como
save-report-default = informe-carelevel.txt
replace-file = { $path } ya existe. ¿Reemplazarlo?
type-number = Escriba un número del 1 al { $max }.
not-an-answer = "{ $text }" no es una de las respuestas; escriba el número de la respuesta.
type-whole-number = Escriba un número entero de { $min } a { $max }.
plain-keys =
    Escriba el número de su respuesta y presione Enter. Escriba b para volver atrás, ? para ver la ayuda.
    Presione Ctrl-C para terminar en cualquier momento.
hint-number = un número entero de { $min } a { $max }{ $unit }
hint-multi = los números de todas las que correspondan, separados por comas; 0 para ninguna
key-skip-s = o = omitir
key-keep = Enter = mantener "{ $answer }"
plain-answer = Respuesta
type-an-answer = Escriba una respuesta.
note = Nota: { $text }
plain-review-prompt = Presione Enter para ver el resultado, escriba el número de una respuesta para cambiarla, o b para volver atrás:
plain-review-again = Presione Enter, escriba un número del 1 al { $max }, o b.
plain-full-report = Mostrar el informe completo

## Stopping early

stopped-ctrl-c = se detuvo con Ctrl-C
stopped-sigterm = se detuvo por una solicitud de terminar (SIGTERM)
stopped-sighup = se detuvo porque se cerró la terminal (SIGHUP)
input-ended = la entrada terminó antes de responder todas las preguntas
progress-not-saving = no se guardó nada
progress-not-saving-help = para conservar sus respuestas a medida que avanza, empiece con `{ $command }`
progress-saved = sus respuestas hasta ahora están guardadas en { $path }
progress-saved-help = para continuar, use { $resume }
progress-nothing-saved = en esta ejecución no se guardó ninguna respuesta en { $path }

## Details for clinicians

details-heading = Detalles para profesionales clínicos
details-level = Nivel: { $level }. Bandas: { $basis } de las calificaciones es { $score }, que las bandas ubican en { $band }.
details-basis-sum = la suma
details-basis-max = la más alta
details-ratings = Calificaciones: { $list }.
details-rules-none = Reglas activadas: ninguna.
details-rules-fired = Reglas activadas: { $list }.
details-rule = { $id } (mínimo { $floor }{ $crisis }) por { $because }
details-md-rule = La regla { $id } (mínimo { $floor }{ $crisis }) se activó por { $because }.
details-md-no-rule = No se activó ninguna regla de nivel mínimo.
details-crisis-mark = , crisis
details-declined = Sin responder: { $list } (mínimo { $floor }).
details-unknown = No se sabía: { $list } (mínimo { $floor }).
details-ignored = Respuestas ignoradas (preguntas no hechas): { $list }.
details-notes = Notas: { $list }.
details-rules = Reglas: { $id } { $version }, sha256 { $sha }.
details-made-by = Hecho por { $who }.
this-file = ESTE_ARCHIVO
saved-header = Respuestas de carelevel (reglas `{ $id }` { $version }). Son datos de salud: guarde este archivo en privado.
saved-go-on = Para seguir respondiendo (solo se pregunta lo que falta): { $command }
saved-result = Cuando todas las preguntas tengan respuesta, solo el resultado: { $command }
file-placeholder = ARCHIVO
replace-answers =
    { $count ->
        [one] `{ $path }` ya contiene 1 respuesta. ¿Reemplazarla por las respuestas de `{ $from }`?
       *[other] `{ $path }` ya contiene { $count } respuestas. ¿Reemplazarlas por las respuestas de `{ $from }`?
    }
yes = Sí
no = No
help-label = sugerencia
confirm-keys-yes = S/n
confirm-keys-no = s/N
type-yes-no = Escriba s (sí) o n (no).
review-change = Cambiar una respuesta
review-which = Número de la respuesta que quiere cambiar (del 1 al { $max }; Enter: ninguna)
rating-alone =
    { $rating ->
        [0] sin preocupación
        [1] preocupación leve
        [2] preocupación moderada
        [3] preocupación seria
       *[4] preocupación grave
    }
ended-after-crisis = Gracias por responder lo que pudo. Sus respuestas indican que alguien podría no estar a salvo ahora mismo; por favor, pida ayuda ya: los datos para hacerlo están justo abajo.
quoted = «{ $text }»
ignored-note = Se ignoraron las respuestas a preguntas que no corresponden, según las demás respuestas: { $titles }.
ignored-safety =
    { $count ->
        [one] { $titles } es una pregunta de seguridad: revise las respuestas con la persona, para que no se pierda ninguna preocupación de seguridad.
       *[other] { $titles } son preguntas de seguridad: revise las respuestas con la persona, para que no se pierda ninguna preocupación de seguridad.
    }
stopped-early-note = Las preguntas se detuvieron después del mensaje de crisis. Las preguntas que quedaron sin responder no se tomaron en cuenta; el nivel que se muestra ya es el más intensivo.
skip-key = o
file-name-prompt = Nombre del archivo
