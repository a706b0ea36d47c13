# Automatically generated - do not edit.
# Source: forms/dissemination_dialog.ui (sha256 1c69fe02760401853e858638707e31b6bc7ea43e9184d60a03437e3b5f775c07)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'dissemination_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QSpinBox, QVBoxLayout,
    QWidget)

class Ui_DisseminationDialog(object):
    def setupUi(self, DisseminationDialog):
        if not DisseminationDialog.objectName():
            DisseminationDialog.setObjectName(u"DisseminationDialog")
        DisseminationDialog.resize(520, 260)
        DisseminationDialog.setMinimumSize(QSize(480, 0))
        self.mainLayout = QVBoxLayout(DisseminationDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(DisseminationDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.fieldsForm = QFormLayout()
        self.fieldsForm.setObjectName(u"fieldsForm")
        self.fieldsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.kindComboLabel = QLabel(DisseminationDialog)
        self.kindComboLabel.setObjectName(u"kindComboLabel")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindComboLabel)

        self.kindCombo = QComboBox(DisseminationDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.dateEditLabel = QLabel(DisseminationDialog)
        self.dateEditLabel.setObjectName(u"dateEditLabel")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dateEditLabel)

        self.dateEdit = QDateEdit(DisseminationDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.audienceEditLabel = QLabel(DisseminationDialog)
        self.audienceEditLabel.setObjectName(u"audienceEditLabel")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.audienceEditLabel)

        self.audienceEdit = QLineEdit(DisseminationDialog)
        self.audienceEdit.setObjectName(u"audienceEdit")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.audienceEdit)

        self.reachedSpinLabel = QLabel(DisseminationDialog)
        self.reachedSpinLabel.setObjectName(u"reachedSpinLabel")

        self.fieldsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.reachedSpinLabel)

        self.reachedSpin = QSpinBox(DisseminationDialog)
        self.reachedSpin.setObjectName(u"reachedSpin")
        self.reachedSpin.setMinimum(-1)
        self.reachedSpin.setMaximum(100000)

        self.fieldsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.reachedSpin)

        self.notesEditLabel = QLabel(DisseminationDialog)
        self.notesEditLabel.setObjectName(u"notesEditLabel")

        self.fieldsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.notesEditLabel)

        self.notesEdit = QLineEdit(DisseminationDialog)
        self.notesEdit.setObjectName(u"notesEdit")

        self.fieldsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.mainLayout.addLayout(self.fieldsForm)

        self.errorLabel = QLabel(DisseminationDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(DisseminationDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.kindComboLabel.setBuddy(self.kindCombo)
        self.dateEditLabel.setBuddy(self.dateEdit)
        self.audienceEditLabel.setBuddy(self.audienceEdit)
        self.reachedSpinLabel.setBuddy(self.reachedSpin)
        self.notesEditLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DisseminationDialog)
        self.buttonBox.accepted.connect(DisseminationDialog.accept)
        self.buttonBox.rejected.connect(DisseminationDialog.reject)

        QMetaObject.connectSlotsByName(DisseminationDialog)
    # setupUi

    def retranslateUi(self, DisseminationDialog):
        DisseminationDialog.setWindowTitle(QCoreApplication.translate("DisseminationDialog", u"Learning shared", None))
        self.introLabel.setText("")
        self.kindComboLabel.setText(QCoreApplication.translate("DisseminationDialog", u"&Kind:", None))
        self.dateEditLabel.setText(QCoreApplication.translate("DisseminationDialog", u"&Date:", None))
        self.audienceEditLabel.setText(QCoreApplication.translate("DisseminationDialog", u"&Audience:", None))
        self.audienceEdit.setPlaceholderText(QCoreApplication.translate("DisseminationDialog", u"e.g. Designated safeguarding leads in schools", None))
        self.reachedSpinLabel.setText(QCoreApplication.translate("DisseminationDialog", u"&Reached:", None))
        self.reachedSpin.setSpecialValueText(QCoreApplication.translate("DisseminationDialog", u"not known", None))
#if QT_CONFIG(tooltip)
        self.reachedSpin.setToolTip(QCoreApplication.translate("DisseminationDialog", u"How many people it reached", None))
#endif // QT_CONFIG(tooltip)
        self.notesEditLabel.setText(QCoreApplication.translate("DisseminationDialog", u"&Notes:", None))
        self.errorLabel.setText("")
    # retranslateUi

